package br.prontuario.edge.cloud.failback;

import java.util.List;
import java.util.UUID;

/** What one failback merge copied into the edge; empty lists on a repeated run. */
public record MergeReport(UUID forkId, long forkAuditSeq, List<UUID> notes,
    List<MergedEntry> entries, int auditEvents, int alreadyMerged) {

  /** A cloud clinical entry; rebased = it now replaces the edge's newer version of its record. */
  public record MergedEntry(UUID id, String kind, boolean rebased) {}
}
