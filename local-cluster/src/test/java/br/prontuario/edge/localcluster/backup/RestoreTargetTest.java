package br.prontuario.edge.localcluster.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RestoreTargetTest {

  @Test
  void readsTheOperatorsTimeAsUtcAndGivesPostgresAnExplicitOffset() {
    RestoreTarget target = RestoreTarget.parse("2026-12-01 10:41:00");
    assertThat(target.instant()).isEqualTo(Instant.parse("2026-12-01T10:41:00Z"));
    assertThat(target.postgresTime()).isEqualTo("2026-12-01 10:41:00.000000+00");
  }

  @Test
  void keepsMicrosecondsOfAMarkTakenByADrill() {
    assertThat(new RestoreTarget(Instant.parse("2026-12-01T10:41:00.123456789Z")).postgresTime())
        .isEqualTo("2026-12-01 10:41:00.123456+00");
  }

  @Test
  void refusesATimeItCannotReadWithTheExpectedFormat() {
    assertThatThrownBy(() -> RestoreTarget.parse("01/12/2026 10:41"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--to must be \"YYYY-MM-DD HH:MM:SS\" (UTC), not \"01/12/2026 10:41\"");
  }
}
