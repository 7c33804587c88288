package br.prontuario.edge.cloud.failback;

import br.prontuario.edge.common.events.Outbox;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The edge-side inserts of one merge and what they amount to. Every record is claimed in the
 * ledger first; then its Idempotency-Key is carried to the edge ({@link EdgeKeys}), which decides
 * whether the edge already holds the same write.
 */
final class MergeWriter {

  private final JdbcTemplate edge;
  private final UUID forkId;
  private final EdgeKeys keys;
  private final Clock clock;
  private final List<UUID> notes = new ArrayList<>();
  private final List<MergeReport.MergedEntry> entries = new ArrayList<>();
  private final List<MergeReport.AlreadyOnEdge> alreadyOnEdge = new ArrayList<>();
  private int alreadyMerged;

  MergeWriter(JdbcTemplate edge, UUID forkId, EdgeKeys keys, Clock clock) {
    this.edge = edge;
    this.forkId = forkId;
    this.keys = keys;
    this.clock = clock;
  }

  /** False when this fork's record was merged (or found already on the edge) before. */
  boolean claim(String record) {
    return edge.update("INSERT INTO cloud_merge_ledger (fork_id, record) VALUES (?, ?)"
        + " ON CONFLICT DO NOTHING", forkId, record) == 1;
  }

  /** The record is home already, or this fork handled it in an earlier run. */
  private boolean handledBefore(String table, String ledgerPrefix, UUID id) {
    if (isHome(table, id) || !claim(ledgerPrefix + id)) {
      alreadyMerged++;
      return true;
    }
    return false;
  }

  void note(Map<String, Object> n) {
    UUID id = (UUID) n.get("id");
    if (handledBefore("notes", "note:", id) || isSameWrite("note", id,
        keys.carry((String) n.get("author"), (String) n.get("idempotency_key")))) {
      return;
    }
    int inserted = edge.update("INSERT INTO notes (id, root_id, version, replaces_id, patient_id,"
        + " type, text, author, author_role, recorded_at, origin, idempotency_key) VALUES (?, ?, ?,"
        + " ?, ?, ?, ?, ?, ?, ?, 'cloud', ?) ON CONFLICT (id) DO NOTHING", id, n.get("root_id"),
        n.get("version"), n.get("replaces_id"), n.get("patient_id"), n.get("type"), n.get("text"),
        n.get("author"), n.get("author_role"), n.get("recorded_at"), n.get("idempotency_key"));
    if (inserted == 1) { // written in the cloud: announced now that the edge has it
      Outbox.publish(edge, clock, n.get("replaces_id") == null ? "note.created" : "note.corrected",
          (UUID) n.get("patient_id"), id.toString());
    }
    notes.add(id);
  }

  /**
   * A cloud entry that replaces a version the edge also replaced meanwhile (split brain) is
   * rebased onto the edge's current version of the record: both changes survive, in order. So is
   * one whose version was left out as already on the edge: it follows the edge's twin.
   */
  void entry(Map<String, Object> e) {
    UUID id = (UUID) e.get("id");
    String kind = (String) e.get("kind");
    if (handledBefore("clinical_entries", "entry:", id) || isSameWrite(kind, id,
        keys.carry((String) e.get("recorded_by"), (String) e.get("idempotency_key")))) {
      return;
    }
    Object root = e.get("root_id");
    Object replaces = e.get("replaces_id");
    Object version = e.get("version");
    boolean rebased = false;
    if (replaces != null && !isHome("clinical_entries", (UUID) replaces)) {
      // its version was folded into the edge's twin; without one it starts a record of its own
      UUID twin = keys.edgeTwin((UUID) replaces).orElse(null);
      root = twin == null ? id : rootOf(twin);
      replaces = twin;
      version = 1;
      rebased = true;
    }
    if (replaces != null && isReplacedOnEdge((UUID) replaces)) {
      Map<String, Object> head = edge.queryForMap("SELECT id, version FROM clinical_entries c"
          + " WHERE root_id = ? AND NOT EXISTS (SELECT 1 FROM clinical_entries d"
          + " WHERE d.replaces_id = c.id)", root);
      replaces = head.get("id");
      rebased = true;
    }
    if (replaces != null && rebased) {
      version = edge.queryForObject("SELECT version + 1 FROM clinical_entries WHERE id = ?",
          Integer.class, replaces);
    }
    int inserted = edge.update("INSERT INTO clinical_entries (id, root_id, version, replaces_id,"
        + " patient_id, kind, data, recorded_by, recorded_at, origin, idempotency_key) VALUES (?, ?,"
        + " ?, ?, ?, ?, ?::jsonb, ?, ?, 'cloud', ?) ON CONFLICT (id) DO NOTHING", id, root, version,
        replaces, e.get("patient_id"), kind, e.get("data"), e.get("recorded_by"),
        e.get("recorded_at"), e.get("idempotency_key"));
    if (inserted == 1) {
      Outbox.publish(edge, clock, Outbox.entryType(kind)
          + (replaces == null ? ".created" : ".corrected"), (UUID) e.get("patient_id"),
          id.toString());
    }
    entries.add(new MergeReport.MergedEntry(id, kind, rebased));
  }

  MergeReport report(long forkSeq, int auditEvents, int auditsMergedBefore) {
    return new MergeReport(forkId, forkSeq, notes, entries, alreadyOnEdge, auditEvents,
        alreadyMerged + auditsMergedBefore);
  }

  /**
   * The cloud's copy stays out, but its id keeps naming the edge's record: the client may hold
   * the cloud's acknowledgement (the edge's answer may have gone to nobody, e.g. a request a
   * frozen node served after the client had given up on it).
   */
  private boolean isSameWrite(String record, UUID cloudId, KeyOnEdge key) {
    if (key instanceof KeyOnEdge.SameWrite same) {
      alreadyOnEdge.add(new MergeReport.AlreadyOnEdge(record, cloudId, same.edgeRecord()));
      if (same.edgeRecord() != null) {
        edge.update("INSERT INTO record_aliases (alias_id, record_id, kind, fork_id)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (alias_id) DO NOTHING", cloudId, same.edgeRecord(),
            "note".equals(record) ? "note" : "entry", forkId);
      }
      return true;
    }
    return false;
  }

  /**
   * Already on the edge: UUIDs are global, so the same id is the same row. A re-seeded cloud holds
   * the cloud rows of earlier emergencies, merged then and replicated back; they are not new.
   */
  private boolean isHome(String table, UUID id) {
    return Boolean.TRUE.equals(edge.queryForObject(
        "SELECT EXISTS (SELECT 1 FROM " + table + " WHERE id = ?)", Boolean.class, id));
  }

  private UUID rootOf(UUID entryId) {
    return edge.queryForObject("SELECT root_id FROM clinical_entries WHERE id = ?", UUID.class,
        entryId);
  }

  private boolean isReplacedOnEdge(UUID entryId) {
    return Boolean.TRUE.equals(edge.queryForObject(
        "SELECT EXISTS (SELECT 1 FROM clinical_entries WHERE replaces_id = ?)", Boolean.class,
        entryId));
  }
}
