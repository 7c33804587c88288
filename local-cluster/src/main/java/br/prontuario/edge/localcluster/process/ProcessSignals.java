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
    if (!isRunning(process)) {
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
    while (isRunning(process) && Instant.now().isBefore(deadline)) {
      ManagedProcess.sleep(50);
    }
    return !isRunning(process);
  }

  /**
   * Alive and not a zombie. Processes an earlier JVM started are reaped by init, which may take
   * a while; a zombie has finished all the same.
   */
  public static boolean isRunning(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    try {
      String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(process.pid()), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (IOException | RuntimeException noProcFs) {
      return process.isAlive();
    }
  }

  /** One signal to many processes with a single {@code kill}; processes that are gone are skipped. */
  public static void send(Signal signal, List<ProcessHandle> processes) {
    List<ProcessHandle> running = processes.stream().filter(ProcessSignals::isRunning).toList();
    if (signal == Signal.STOP || signal == Signal.CONT) {
      if (!running.isEmpty()) {
        runKill(signal, running.stream().map(p -> Long.toString(p.pid())).toList());
      }
    } else {
      running.forEach(p -> send(signal, p));
    }
  }

  private static void runKill(Signal signal, long pid) {
    runKill(signal, List.of(Long.toString(pid)));
  }

  static void runKill(Signal signal, List<String> pids) {
    List<String> command = new ArrayList<>(List.of("kill", "-" + signal.name()));
    command.addAll(pids);
    try {
      Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(kill.getInputStream().readAllBytes()).strip();
      // a process listed a moment ago may have exited since (a backend, an archive_command): kill
      // still signals the others and only complains about it, and a gone process needs no signal
      if (kill.waitFor() != 0 && !out.lines().allMatch(line -> line.contains("No such process"))) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run kill: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
