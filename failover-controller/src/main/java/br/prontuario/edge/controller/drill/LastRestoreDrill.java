package br.prontuario.edge.controller.drill;

import br.prontuario.edge.controller.history.HistoryProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last restore drill as Prometheus series, registered from the start so that "never" is a value
 * the alert can read: {@code last_restore_drill_timestamp_seconds} (the last run, 0 when none),
 * {@code last_restore_drill_success} (1/0, NaN when none), {@code
 * last_restore_drill_passed_timestamp_seconds} (the last run that passed, 0 when none: what
 * RestoreDrillOverdue reads), and the last run's {@code last_restore_drill_restore_duration_seconds}
 * and {@code last_restore_drill_archive_lag_seconds} (NaN when it measured none).
 *
 * <p>Unlike the failover drills' gauges this survives a restart ({@code last-restore-drill.json}
 * in the state folder): the alert looks 35 days back, longer than a controller runs between
 * restarts, and a forgotten pass would raise it falsely.
 */
@Component
public class LastRestoreDrill {

  static final String FILE = "last-restore-drill.json";

  private static final Logger log = LoggerFactory.getLogger(LastRestoreDrill.class);

  private final Path file;
  private final JsonMapper json;
  private final Clock clock;
  private final AtomicReference<RestoreDrillStatus> status;

  public LastRestoreDrill(MeterRegistry meters, HistoryProperties state, JsonMapper json, Clock clock) {
    this.file = state.dir().resolve(FILE);
    this.json = json;
    this.clock = clock;
    this.status = new AtomicReference<>(read());
    gauge(meters, "last.restore.drill.timestamp.seconds", "When the last restore drill run ended (0: none)",
        s -> epochSeconds(s.ranAt()));
    gauge(meters, "last.restore.drill.success", "1 when the last restore drill run was exact, 0 when not",
        s -> s.passed() == null ? Double.NaN : s.passed() ? 1.0 : 0.0);
    gauge(meters, "last.restore.drill.passed.timestamp.seconds",
        "When the last restore drill run that passed ended (0: none)", s -> epochSeconds(s.passedAt()));
    gauge(meters, "last.restore.drill.restore.duration.seconds",
        "Backup copy plus WAL replay to the mark, in the last restore drill run", s -> orNaN(s.restoreSeconds()));
    gauge(meters, "last.restore.drill.archive.lag.seconds",
        "Mark to its WAL file archived (the backups' RPO), in the last restore drill run",
        s -> orNaN(s.archiveLagSeconds()));
  }

  /**
   * A run {@code edgectl drill restore} reported. Timed by this controller's clock, as the alert is
   * by Prometheus': the drill may run on a laptop whose clock is off.
   */
  public void record(DrillResult run) {
    if (!run.isRestore()) {
      throw new IllegalArgumentException("not a restore drill result: " + run.scenario());
    }
    update(s -> s.reported(run, clock.instant()));
  }

  /**
   * A scheduled run that ended now: unless it reported a run since {@code started}, it did not
   * pass. True when it had not reported.
   */
  synchronized boolean unreportedSince(Instant started) {
    if (status.get().ranSince(started)) {
      return false;
    }
    update(s -> s.unreported(clock.instant()));
    return true;
  }

  RestoreDrillStatus status() {
    return status.get();
  }

  private synchronized void update(Function<RestoreDrillStatus, RestoreDrillStatus> change) {
    RestoreDrillStatus next = change.apply(status.get());
    write(next);
    status.set(next);
  }

  private RestoreDrillStatus read() {
    if (!Files.exists(file)) {
      return RestoreDrillStatus.NONE;
    }
    try {
      return json.readValue(file.toFile(), RestoreDrillStatus.class);
    } catch (JacksonException e) {
      // unknown is "none": the alert then asks for a drill rather than the controller not starting
      log.warn("{} unreadable, restore drill taken as never run: {}", file, e.getMessage());
      return RestoreDrillStatus.NONE;
    }
  }

  private void write(RestoreDrillStatus next) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path partial = file.resolveSibling(FILE + ".partial");
      Files.writeString(partial, json.writeValueAsString(next));
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private void gauge(MeterRegistry meters, String name, String description,
      ToDoubleFunction<RestoreDrillStatus> value) {
    Gauge.builder(name, status, s -> value.applyAsDouble(s.get())).description(description)
        .strongReference(true).register(meters);
  }

  private static double epochSeconds(Instant at) {
    return at == null ? 0 : at.toEpochMilli() / 1000.0;
  }

  private static double orNaN(Double value) {
    return value == null ? Double.NaN : value;
  }
}
