package br.prontuario.edge.common.web;

import br.prontuario.edge.common.problem.DatabaseOutage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpHeaders;
import org.springframework.validation.annotation.Validated;

/**
 * {@code edge.database-outage.*}: how long a write that meets a switchover or failover is held
 * and retried before it is answered 503. A planned switchover leaves the database unwritable for
 * about 1.5 s and a crash failover for about 10 s (docs/benchmarks.md); holding through them is
 * what keeps a clinician from seeing the move at all. 0 turns holding off.
 */
@Validated
@ConfigurationProperties("edge.database-outage")
public record DatabaseOutageHold(
    @NotNull @DefaultValue("10s") Duration hold,
    @NotNull @DefaultValue("100ms") Duration retryPause) {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageHold.class);

  public static DatabaseOutageHold none() {
    return new DatabaseOutageHold(Duration.ZERO, Duration.ZERO);
  }

  /**
   * When a request (or other retried work, such as the demo seeding) that starts now must stop
   * holding, on the monotonic clock.
   */
  public long deadline() {
    return System.nanoTime() + hold.toNanos();
  }

  /** Pauses before the next attempt; false when the hold would run out first (or on interrupt). */
  public boolean pauseBeforeRetry(long deadline) {
    long pause = retryPause.toNanos();
    if (System.nanoTime() + pause >= deadline) {
      return false;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(pause);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Clears what a failed attempt's 503 set on the response the next attempt shares. */
  static void clearFailedAttempt(HttpServletRequest request, HttpServletResponse response) {
    request.removeAttribute(DatabaseOutage.ANSWERED);
    response.setStatus(HttpServletResponse.SC_OK);
    response.setHeader(HttpHeaders.RETRY_AFTER, null);
  }

  static boolean answeredOutage(HttpServletRequest request) {
    return request.getAttribute(DatabaseOutage.ANSWERED) != null;
  }

  static void logHeld(HttpServletRequest request, int attempts) {
    if (attempts > 1) { // method only: the path names a patient
      LOG.info("database outage: {} request held over {} attempts", request.getMethod(), attempts);
    }
  }
}
