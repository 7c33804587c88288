package br.prontuario.edge.node.health;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.localcluster.process.FreePorts;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
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
}
