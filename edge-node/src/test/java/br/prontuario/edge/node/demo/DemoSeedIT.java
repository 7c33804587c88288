package br.prontuario.edge.node.demo;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import br.prontuario.edge.node.support.EdgeNodeIT;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

class DemoSeedIT extends EdgeNodeIT {

  @Autowired DemoSeeder seeder;
  @Autowired DataSource dataSource;

  @Test
  void theDemoPhysicianAndSyntheticPatientsExistAfterStart() {
    assertThat(jdbc.queryForObject("SELECT role FROM users WHERE username = 'demo'", String.class))
        .isEqualTo("physician");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM patients WHERE created_by = 'system'",
        Integer.class)).isEqualTo(5);
  }

  @Test
  void seedingAgainCreatesNothingNew() {
    int patients = count("patients");
    int users = count("users");
    seeder.run(new DefaultApplicationArguments());
    assertThat(count("patients")).isEqualTo(patients);
    assertThat(count("users")).isEqualTo(users);
  }

  @Test
  void aSeedingWhoseConnectionTheServerTerminatesIsRetriedInsteadOfEndingTheApplication()
      throws Exception {
    try (Connection locker = dataSource.getConnection(); Statement sql = locker.createStatement()) {
      // the seeder's first query waits on this lock; the wait is where the server ends it, as a
      // primary shutting down for a switchover does (FATAL 57P01)
      locker.setAutoCommit(false);
      sql.execute("LOCK TABLE users IN ACCESS EXCLUSIVE MODE");
      CompletableFuture<Void> seeding =
          CompletableFuture.runAsync(() -> seeder.run(new DefaultApplicationArguments()));
      int[] waiting = new int[1];
      await("the seeder waiting on the lock").atMost(Duration.ofSeconds(20)).until(() -> {
        try (ResultSet rows = sql.executeQuery("SELECT pid FROM pg_stat_activity"
            + " WHERE wait_event_type = 'Lock' AND query LIKE 'SELECT count(*) FROM users%'")) {
          return rows.next() && (waiting[0] = rows.getInt(1)) > 0;
        }
      });
      try (ResultSet terminated = sql.executeQuery("SELECT pg_terminate_backend(" + waiting[0] + ")")) {
        assertThat(terminated.next() && terminated.getBoolean(1)).isTrue();
      }
      locker.rollback();

      seeding.get(60, TimeUnit.SECONDS); // throws when the terminated connection ended the seeding
    }
    assertThat(count("users")).isPositive();
  }
}
