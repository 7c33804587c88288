package br.prontuario.edge.node.background;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One named daemon thread that runs a task with a fixed delay between runs, first after one delay:
 * the lifecycle edge-node's background rounds (audit anchor, webhook relay) share.
 */
public final class PeriodicTask {

  private final String name;
  private ScheduledExecutorService scheduler;

  public PeriodicTask(String name) {
    this.name = name;
  }

  public synchronized void start(Runnable task, Duration every) {
    if (scheduler != null) {
      return;
    }
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
    long millis = every.toMillis();
    scheduler.scheduleWithFixedDelay(task, millis, millis, TimeUnit.MILLISECONDS);
  }

  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  public synchronized boolean isRunning() {
    return scheduler != null;
  }
}
