package br.prontuario.edge.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.localcluster.process.FreePorts;
import java.time.Duration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A real pgjdbc data source on a loopback port nothing listens on, as mid-failover, and what
 * every mutating request must answer then.
 */
public final class UnreachableDatabase {

  public final DriverManagerDataSource dataSource = new DriverManagerDataSource(
      "jdbc:postgresql://127.0.0.1:" + FreePorts.next() + "/prontuario?connectTimeout=1",
      "postgres", "");

  /** Short enough for a unit test, long enough for several attempts. */
  public static final DatabaseOutageHold SHORT_HOLD =
      new DatabaseOutageHold(Duration.ofMillis(600), Duration.ofMillis(100));

  public TransactionTemplate transactions() {
    return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  public static void assertAnswered503WithRetryAfter(MockHttpServletResponse response)
      throws Exception {
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("2");
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(response.getContentAsString()).contains("Database unavailable");
  }
}
