package br.prontuario.edge.localcluster.process;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Signals to processes this JVM may not have started (a later {@code edgectl} invocation acts on
 * the processes an earlier {@code up} left running). Java only offers TERM and KILL, so STOP and
 * CONT go through {@code kill}.
 */
public final class ProcessSignals {

  public enum Signal { TERM, KILL, STOP, CONT }

  private ProcessSignals() {}

  /** The process and everything it spawned (Patroni's PostgreSQL), children first. */
  public static List<ProcessHandle> tree(ProcessHandle root) {
    List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
    java.util.Collections.reverse(all);
    all.add(root);
    return all;
  }

  public static void send(Signal signal, ProcessHandle process) {
    switch (signal) {
      case TERM -> process.destroy();
      case KILL -> process.destroyForcibly();
      default -> runKill(signal, process.pid());
    }
  }

  /** SIGTERM, then SIGKILL when it is still there after {@code grace}. */
  public static void terminate(ProcessHandle process, Duration grace) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!awaitExit(process, grace)) {
      tree(process).forEach(ProcessHandle::destroyForcibly);
      awaitExit(process, Duration.ofSeconds(5));
    }
  }

  public static boolean awaitExit(ProcessHandle process, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (process.isAlive() && Instant.now().isBefore(deadline)) {
      ManagedProcess.sleep(50);
    }
    return !process.isAlive();
  }

  private static void runKill(Signal signal, long pid) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + signal.name(), Long.toString(pid))
          .redirectErrorStream(true).start();
      String out = new String(kill.getInputStream().readAllBytes()).strip();
      if (kill.waitFor() != 0) {
        throw new IllegalStateException("kill -" + signal + " " + pid + " failed: " + out);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run kill: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
