package br.prontuario.edge.site.failback;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * cloud-fallback's answer to {@code POST /api/v1/ops/failback/merge}: what one merge copied into
 * the edge, under the fork id the cloud derives from its audit chain. Empty lists on a repeated
 * run. The ids are clinical record ids: {@link #counts()} is what goes to logs and histories.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MergeReport(String forkId, long forkAuditSeq, List<String> notes,
    List<MergedEntry> entries, int auditEvents, int alreadyMerged) {

  public MergeReport {
    notes = notes == null ? List.of() : List.copyOf(notes);
    entries = entries == null ? List.of() : List.copyOf(entries);
  }

  /** A cloud clinical entry; rebased = it now replaces the edge's newer version of its record. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record MergedEntry(String id, String kind, boolean rebased) {}

  /** Nothing new was merged: no note and no clinical entry arrived since the last merge. */
  public boolean nothingNew() {
    return notes.isEmpty() && entries.isEmpty();
  }

  /** Counts only, no record ids. */
  public String counts() {
    return notes.size() + " notes, " + entries.size() + " entries, " + auditEvents + " audit events";
  }
}
