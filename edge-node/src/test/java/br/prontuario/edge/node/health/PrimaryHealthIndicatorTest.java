package br.prontuario.edge.node.health;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.localcluster.process.FreePorts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class PrimaryHealthIndicatorTest {

  @Test
  void anUnreachableDatabaseMakesTheNodeUnready() {
    DriverManagerDataSource nowhere = new DriverManagerDataSource(
        "jdbc:postgresql://127.0.0.1:" + FreePorts.next() + "/prontuario?connectTimeout=2");
    PrimaryHealthIndicator indicator = new PrimaryHealthIndicator(new JdbcTemplate(nowhere));
    assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
    assertThat(indicator.health().getDetails()).containsEntry("reason", "primary unreachable");
  }
}
