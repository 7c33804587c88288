package br.prontuario.edge.drill.chaos;

import java.time.Duration;
import java.util.Locale;

/**
 * One planned fault: what, on which box ({@code from}: the other end of a single cut link, else
 * null), how long it is held before healing, and how long the soak waits after the cluster serves
 * again before the next one.
 */
public record ChaosStep(int number, ChaosFault fault, String node, String from, Duration hold,
    Duration pause) {

  /** One line for the schedule: "12 freeze node-b 7 s". */
  public String describe() {
    return String.format(Locale.ROOT, "%d %s %s%s %d s", number,
        fault.name().toLowerCase(Locale.ROOT).replace('_', '-'), node,
        from == null ? "" : " from " + from, hold.toSeconds());
  }
}
