package br.prontuario.edge.controller.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HealthRulesTest {

  @Test
  void defaultsAreTheSeedsFiveSecondsTwoSecondsThreeFailures() {
    HealthRules rules = HealthRules.seedDefaults();

    assertThat(rules.interval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(rules.timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(rules.failureThreshold()).isEqualTo(3);
  }

  @Test
  void rejectsATimeoutLongerThanTheInterval() {
    assertThatThrownBy(() -> new HealthRules(Duration.ofSeconds(1), Duration.ofSeconds(2), 3, null))
        .hasMessageContaining("edge.controller.probe.timeout must be positive and at most the interval");
  }
}
