package br.prontuario.edge.common.web;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
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
    @NotNull @DefaultValue("250ms") Duration retryPause) {

  public static DatabaseOutageHold none() {
    return new DatabaseOutageHold(Duration.ZERO, Duration.ZERO);
  }
}
