package br.prontuario.edge.node.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class MigrationsHealthIndicatorTest {

  @Test
  void pendingMigrationsKeepTheNodeOutUntilTheyAreApplied() {
    AtomicInteger pending = new AtomicInteger(2);
    MigrationsHealthIndicator indicator = new MigrationsHealthIndicator(pending::get);

    assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
    assertThat(indicator.health().getDetails()).containsEntry("pending", 2);
    pending.set(0);
    assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void onceEverythingIsAppliedTheSchemaHistoryIsNotReadAgain() {
    AtomicInteger reads = new AtomicInteger();
    MigrationsHealthIndicator indicator = new MigrationsHealthIndicator(() -> {
      if (reads.incrementAndGet() > 1) {
        throw new IllegalStateException("no connection while the primary moves");
      }
      return 0;
    });

    for (int i = 0; i < 5; i++) {
      assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }
    assertThat(reads).hasValue(1);
  }

  @Test
  void anUnreadableSchemaHistoryIsNotReady() {
    MigrationsHealthIndicator indicator = new MigrationsHealthIndicator(() -> {
      throw new IllegalStateException("connection refused");
    });

    assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
    assertThat(indicator.health().getDetails()).containsEntry("reason", "schema history unreadable");
  }
}
