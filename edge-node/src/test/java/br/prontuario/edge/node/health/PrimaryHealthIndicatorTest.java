package br.prontuario.edge.node.health;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.localcluster.process.FreePorts;
import br.prontuario.edge.testsupport.servers.SharedPostgres;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class PrimaryHealthIndicatorTest {

  private static final ReadinessProperties PROPERTIES =
      new ReadinessProperties(Duration.ofMillis(500));

  @Test
  void anUnreachableDatabaseMakesTheNodeUnready() {
    DriverManagerDataSource nowhere = new DriverManagerDataSource(
        "jdbc:postgresql://127.0.0.1:" + FreePorts.next() + "/prontuario?connectTimeout=2");
    PrimaryHealthIndicator indicator =
        new PrimaryHealthIndicator(new JdbcTemplate(nowhere), new ReadinessProperties(
            Duration.ofSeconds(10)));
    assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
    assertThat(indicator.health().getDetails()).containsEntry("reason", "primary unreachable");
  }

  @Test
  void aHostThatAcceptsButNeverAnswersMakesTheNodeUnreadyInsteadOfHangingTheCheck()
      throws Exception {
    // what a SIGSTOPped PostgreSQL looks like from the network: the kernel accepts, nobody talks
    try (ServerSocket frozen = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      DriverManagerDataSource silent = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:"
          + frozen.getLocalPort() + "/prontuario?connectTimeout=30&socketTimeout=30");
      PrimaryHealthIndicator indicator =
          new PrimaryHealthIndicator(new JdbcTemplate(silent), PROPERTIES);

      Health first = indicator.health();
      Health second = indicator.health();

      assertThat(first.getStatus()).isEqualTo(Status.DOWN);
      assertThat(first.getDetails()).containsEntry("reason", "primary did not answer within 500 ms");
      assertThat(second.getStatus()).isEqualTo(Status.DOWN);
    }
  }

  @Test
  void aFailedCheckDropsThePoolsConnectionsSoTheNextOnesAreFresh() throws Exception {
    String url = SharedPostgres.database("readiness_evicts");
    try (Connection admin = DriverManager.getConnection(url, "postgres", "");
        Statement s = admin.createStatement()) {
      // a real failing check: this role may not ask whether the server is in recovery
      s.execute("CREATE ROLE readiness_probe LOGIN");
      s.execute("REVOKE EXECUTE ON FUNCTION pg_is_in_recovery() FROM PUBLIC");
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername("readiness_probe");
    config.setMinimumIdle(3);
    config.setMaximumPoolSize(3);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      Set<Integer> before = backendPids(pool);
      PrimaryHealthIndicator indicator =
          new PrimaryHealthIndicator(new JdbcTemplate(pool), new ReadinessProperties(
              Duration.ofSeconds(10)));

      assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);

      assertThat(backendPids(pool)).hasSize(3).doesNotContainAnyElementsOf(before);
    }
  }

  /** The server processes behind all of the pool's connections, borrowed at once. */
  private static Set<Integer> backendPids(HikariDataSource pool) throws Exception {
    List<Connection> held = new ArrayList<>();
    Set<Integer> pids = new HashSet<>();
    try {
      for (int i = 0; i < 3; i++) {
        Connection c = pool.getConnection();
        held.add(c);
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
          rs.next();
          pids.add(rs.getInt(1));
        }
      }
    } finally {
      for (Connection c : held) {
        c.close();
      }
    }
    return pids;
  }
}
