package br.prontuario.edge.drill.scenario;

import br.prontuario.edge.drill.measure.ControllerEvent;
import br.prontuario.edge.drill.measure.ControllerEvent.Phase;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Polls who holds the PostgreSQL leader during a run and records each change as a promotion, seen
 * directly rather than through the controller (Patroni promotes on its own when a leader dies).
 */
public final class LeaderWatch implements AutoCloseable {

  private final ClusterControl cluster;
  private final Clock clock;
  private final List<ControllerEvent> promotions = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  public LeaderWatch(ClusterControl cluster, Clock clock, String initialLeader) {
    this.cluster = cluster;
    this.clock = clock;
    this.thread = new Thread(() -> watch(initialLeader), "drill-leader-watch");
    thread.setDaemon(true);
    thread.start();
  }

  private void watch(String initialLeader) {
    String last = initialLeader;
    while (running) {
      String now = cluster.leader();
      if (now != null && !Objects.equals(now, last)) {
        promotions.add(new ControllerEvent(clock.instant(), Phase.PROMOTION,
            "PostgreSQL leader " + last + " → " + now));
        last = now;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  public List<ControllerEvent> promotions() {
    return List.copyOf(promotions);
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
