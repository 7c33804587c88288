package br.prontuario.edge.controller.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs the site's own {@code edgectl} for what the controller has no path of its own: drills, cloud
 * activation and failback by hand (the sequences stay in edgectl, drill and site). One at a time:
 * two of these never make sense together. Each output line goes to the open consoles.
 */
final class EdgectlJobs {

  private final String edgectl;
  private final Optional<Path> clusterDir;
  private final Duration timeout;
  private final Clock clock;
  private final AtomicReference<Job> current = new AtomicReference<>();

  EdgectlJobs(String edgectl, Optional<Path> clusterDir, Duration timeout, Clock clock) {
    this.edgectl = edgectl;
    this.clusterDir = clusterDir;
    this.timeout = timeout;
    this.clock = clock;
  }

  /**
   * One edgectl run as the console shows it.
   *
   * @param exitCode null while it runs; -1 when it was stopped after the timeout or could not start
   */
  record Job(long id, String title, String operator, List<String> command, Instant startedAt, List<Line> lines,
      Instant finishedAt, Integer exitCode) {

    Job {
      lines = List.copyOf(lines);
      command = List.copyOf(command);
    }

    boolean running() {
      return exitCode == null;
    }

    Job with(Line line) {
      List<Line> more = new ArrayList<>(lines);
      more.add(line);
      return new Job(id, title, operator, command, startedAt, more, finishedAt, exitCode);
    }

    Job finished(Instant at, int code) {
      return new Job(id, title, operator, command, startedAt, lines, at, code);
    }
  }

  record Line(Instant at, String text) {}

  boolean available() {
    return !edgectl.isBlank() && clusterDir.isPresent();
  }

  Optional<Job> current() {
    return Optional.ofNullable(current.get());
  }

  /**
   * Starts {@code edgectl ARGS --dir DIR} in the background; empty when another run is still going.
   * {@code onChange} sees the job after each line and once finished.
   */
  synchronized Optional<Job> start(String title, String operator, List<String> args, Consumer<Job> onChange) {
    if (!available()) {
      throw new IllegalStateException("no edgectl configured (edge.console.edgectl)");
    }
    Job previous = current.get();
    if (previous != null && previous.running()) {
      return Optional.empty();
    }
    List<String> command = new ArrayList<>();
    command.add(edgectl);
    command.addAll(args);
    command.add("--dir");
    command.add(clusterDir.orElseThrow().toString());
    Job job = new Job(previous == null ? 1 : previous.id() + 1, title, operator, command, clock.instant(),
        List.of(), null, null);
    current.set(job);
    Thread runner = new Thread(() -> run(job, onChange), "console-edgectl");
    runner.setDaemon(true);
    runner.start();
    return Optional.of(job);
  }

  private void run(Job job, Consumer<Job> onChange) {
    int code;
    try {
      Process process = new ProcessBuilder(job.command()).redirectErrorStream(true).start();
      process.getOutputStream().close();
      // a run past the timeout is stopped, which also ends the read below
      CompletableFuture<Void> watchdog = CompletableFuture.runAsync(process::destroyForcibly,
          CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS));
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String text = out.readLine(); text != null; text = out.readLine()) {
          Line line = new Line(clock.instant(), text);
          onChange.accept(current.updateAndGet(j -> j.with(line)));
        }
      }
      code = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : stop(process);
      watchdog.cancel(false);
    } catch (IOException e) {
      Line line = new Line(clock.instant(), "could not start edgectl: " + e.getMessage());
      current.updateAndGet(j -> j.with(line));
      code = -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      code = -1;
    }
    int exit = code;
    onChange.accept(current.updateAndGet(j -> j.finished(clock.instant(), exit)));
  }

  private static int stop(Process process) {
    process.destroyForcibly();
    return -1;
  }
}
