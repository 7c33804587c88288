package br.prontuario.edge.drill.chaos;

import br.prontuario.edge.drill.load.LoadResult;
import br.prontuario.edge.drill.load.NoteVerifier;
import br.prontuario.edge.drill.measure.CommitProbes;
import br.prontuario.edge.drill.measure.ControllerEvent;
import br.prontuario.edge.drill.measure.LeaseTimeline;
import java.time.Instant;
import java.util.List;

/**
 * Everything a soak observed, for {@link HistoryCheck}: the faults, every request the clinical
 * load made, the notes read back afterwards, the direct commit probes and lease answers of each
 * data node, and the PostgreSQL leader's moves.
 *
 * @param stoppedEarly why the soak stopped before its time (the cluster did not recover), or null
 */
public record ChaosHistory(long seed, int minutes, Instant startedAt, Instant endedAt,
    List<InjectedFault> faults, LoadResult load, NoteVerifier.Verification readBack,
    CommitProbes probes, LeaseTimeline leases, List<ControllerEvent> leaderMoves,
    String stoppedEarly) {

  public ChaosHistory {
    faults = List.copyOf(faults);
    leaderMoves = List.copyOf(leaderMoves);
  }
}
