package br.prontuario.edge.drill.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The faults a soak injects, drawn from its seed alone: the same seed gives the same faults in
 * the same order, so a failing soak can be replayed. How long each one takes to recover from is
 * the cluster's business; the soak runs the schedule's steps until its time is up.
 */
public final class ChaosSchedule {

  static final Duration MIN_HOLD = Duration.ofSeconds(3);
  static final Duration MAX_HOLD = Duration.ofSeconds(15);
  static final Duration MIN_PAUSE = Duration.ofSeconds(2);
  static final Duration MAX_PAUSE = Duration.ofSeconds(6);

  private final long seed;
  private final SplittableRandom random;
  private final List<ChaosStep> drawn = new ArrayList<>();

  public ChaosSchedule(long seed) {
    this.seed = seed;
    this.random = new SplittableRandom(seed);
  }

  public long seed() {
    return seed;
  }

  /** The next step; every call draws one more. */
  public ChaosStep next() {
    ChaosFault fault = drawFault();
    String node = pick(fault.boxes());
    String from = null;
    if (fault == ChaosFault.CUT_LINK) {
      from = pick(fault.boxes().stream().filter(b -> !b.equals(node)).toList());
    }
    ChaosStep step = new ChaosStep(drawn.size() + 1, fault, node, from, between(MIN_HOLD, MAX_HOLD),
        between(MIN_PAUSE, MAX_PAUSE));
    drawn.add(step);
    return step;
  }

  /** The first {@code count} steps of this seed's schedule, without running anything. */
  public static List<ChaosStep> preview(long seed, int count) {
    ChaosSchedule schedule = new ChaosSchedule(seed);
    List<ChaosStep> steps = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      steps.add(schedule.next());
    }
    return steps;
  }

  private ChaosFault drawFault() {
    int total = Arrays.stream(ChaosFault.values()).mapToInt(ChaosFault::weight).sum();
    int draw = random.nextInt(total);
    for (ChaosFault fault : ChaosFault.values()) {
      draw -= fault.weight();
      if (draw < 0) {
        return fault;
      }
    }
    throw new IllegalStateException("weights do not add up");
  }

  private String pick(List<String> boxes) {
    return boxes.get(random.nextInt(boxes.size()));
  }

  private Duration between(Duration min, Duration max) {
    return Duration.ofSeconds(min.toSeconds() + random.nextLong(max.toSeconds() - min.toSeconds() + 1));
  }
}
