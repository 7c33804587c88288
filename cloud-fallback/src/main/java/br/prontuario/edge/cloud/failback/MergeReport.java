package br.prontuario.edge.cloud.failback;

import java.util.List;
import java.util.UUID;

/**
 * What one failback merge copied into the edge; empty lists on a repeated run. alreadyOnEdge: cloud
 * records left out because the client's retry with the same Idempotency-Key had already created
 * them on the edge (listed by the merge that found them; later merges count them as alreadyMerged).
 */
public record MergeReport(UUID forkId, long forkAuditSeq, List<UUID> notes,
    List<MergedEntry> entries, List<AlreadyOnEdge> alreadyOnEdge, int auditEvents,
    int alreadyMerged) {

  /** A cloud clinical entry; rebased = it now replaces the edge's newer version of its record. */
  public record MergedEntry(UUID id, String kind, boolean rebased) {}

  /**
   * A cloud record whose write the edge already holds: record = "note" or the entry's kind;
   * edgeId = the edge's record for the same key (null when its stored response does not name it).
   */
  public record AlreadyOnEdge(String record, UUID cloudId, UUID edgeId) {}
}
