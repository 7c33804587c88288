package br.prontuario.edge.drill.measure;

import br.prontuario.edge.drill.load.Attempt;
import java.util.function.Predicate;

/** Which successful write ends a run's outage. */
public enum Recovery {
  /** any write the entry point acknowledged, whichever site served it */
  ANY_SITE(a -> true),
  /** only a write an edge node acknowledged: a failback ends when clinicians are home again */
  EDGE(a -> !a.emergency());

  private final Predicate<Attempt> counts;

  Recovery(Predicate<Attempt> counts) {
    this.counts = counts;
  }

  boolean counts(Attempt attempt) {
    return counts.test(attempt);
  }
}
