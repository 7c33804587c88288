package br.prontuario.edge.drill.measure;

import br.prontuario.edge.drill.load.AckedWrite;
import br.prontuario.edge.drill.load.Attempt;
import br.prontuario.edge.drill.load.StoredNote;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Everything one drill run observed, before any arithmetic.
 *
 * @param faultAt when the fault had been injected (signal delivered, switchover requested); null
 *     for scenarios without a fault (health-check validation)
 * @param foundNoteIds the acknowledged note ids read back after recovery (from the edge, or from
 *     the cloud in the cloud scenario)
 * @param storedNotes every note of the drill's patients read back, to find writes stored twice
 * @param verificationComplete false when the read-back could not finish: nothing can be said
 *     about lost writes then, and the run fails
 * @param problems what else the run saw wrong (a failed health check): each fails the run
 * @param probes the direct commit probes of a scenario that cuts links; null for the others
 */
public record RunObservations(String scenario, int run, Instant startedAt, Instant faultAt,
    Instant endedAt, List<Attempt> attempts, List<AckedWrite> acked, Set<String> foundNoteIds,
    List<StoredNote> storedNotes, boolean verificationComplete, List<ControllerEvent> events,
    List<String> problems, CommitProbes probes) {

  /** A run without commit probes. */
  public RunObservations(String scenario, int run, Instant startedAt, Instant faultAt,
      Instant endedAt, List<Attempt> attempts, List<AckedWrite> acked, Set<String> foundNoteIds,
      List<StoredNote> storedNotes, boolean verificationComplete, List<ControllerEvent> events,
      List<String> problems) {
    this(scenario, run, startedAt, faultAt, endedAt, attempts, acked, foundNoteIds, storedNotes,
        verificationComplete, events, problems, null);
  }

  public RunObservations {
    attempts = List.copyOf(attempts);
    acked = List.copyOf(acked);
    foundNoteIds = Set.copyOf(foundNoteIds);
    storedNotes = List.copyOf(storedNotes);
    events = List.copyOf(events);
    problems = List.copyOf(problems);
  }
}
