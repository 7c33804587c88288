package br.prontuario.edge.cloud.failback;

import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** The edge-side inserts of one merge; every record is claimed in the ledger first. */
final class MergeWriter {

  private final JdbcTemplate edge;
  private final UUID forkId;

  MergeWriter(JdbcTemplate edge, UUID forkId) {
    this.edge = edge;
    this.forkId = forkId;
  }

  /** False when this fork's record was merged before. */
  boolean claim(String record) {
    return edge.update("INSERT INTO cloud_merge_ledger (fork_id, record) VALUES (?, ?)"
        + " ON CONFLICT DO NOTHING", forkId, record) == 1;
  }

  boolean note(Map<String, Object> n) {
    if (isHome("notes", (UUID) n.get("id")) || !claim("note:" + n.get("id"))) {
      return false;
    }
    edge.update("INSERT INTO notes (id, root_id, version, replaces_id, patient_id, type, text,"
        + " author, author_role, recorded_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        + " 'cloud') ON CONFLICT (id) DO NOTHING", n.get("id"), n.get("root_id"),
        n.get("version"), n.get("replaces_id"), n.get("patient_id"), n.get("type"), n.get("text"),
        n.get("author"), n.get("author_role"), n.get("recorded_at"));
    return true;
  }

  /**
   * A cloud entry that replaces a version the edge also replaced meanwhile (split brain) is
   * rebased onto the edge's current version of the record: both changes survive, in order.
   */
  MergeReport.MergedEntry entry(Map<String, Object> e) {
    UUID id = (UUID) e.get("id");
    if (isHome("clinical_entries", id) || !claim("entry:" + id)) {
      return null;
    }
    Object replaces = e.get("replaces_id");
    Object version = e.get("version");
    boolean rebased = false;
    if (replaces != null && isReplacedOnEdge((UUID) replaces)) {
      Map<String, Object> head = edge.queryForMap("SELECT id, version FROM clinical_entries c"
          + " WHERE root_id = ? AND NOT EXISTS (SELECT 1 FROM clinical_entries d"
          + " WHERE d.replaces_id = c.id)", e.get("root_id"));
      replaces = head.get("id");
      version = ((Integer) head.get("version")) + 1;
      rebased = true;
    }
    edge.update("INSERT INTO clinical_entries (id, root_id, version, replaces_id, patient_id, kind,"
        + " data, recorded_by, recorded_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?,"
        + " 'cloud') ON CONFLICT (id) DO NOTHING", id, e.get("root_id"), version, replaces,
        e.get("patient_id"), e.get("kind"), e.get("data"), e.get("recorded_by"),
        e.get("recorded_at"));
    return new MergeReport.MergedEntry(id, (String) e.get("kind"), rebased);
  }

  /**
   * Already on the edge: UUIDs are global, so the same id is the same row. A re-seeded cloud holds
   * the cloud rows of earlier emergencies, merged then and replicated back; they are not new.
   */
  private boolean isHome(String table, UUID id) {
    return Boolean.TRUE.equals(edge.queryForObject(
        "SELECT EXISTS (SELECT 1 FROM " + table + " WHERE id = ?)", Boolean.class, id));
  }

  private boolean isReplacedOnEdge(UUID entryId) {
    return Boolean.TRUE.equals(edge.queryForObject(
        "SELECT EXISTS (SELECT 1 FROM clinical_entries WHERE replaces_id = ?)", Boolean.class,
        entryId));
  }
}
