package br.prontuario.edge.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.problem.ProblemWriter;
import br.prontuario.edge.localcluster.process.FreePorts;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

class MutationTransactionFilterTest {

  @Test
  void anUnreachableDatabaseAnswers503WithRetryAfterAndNeverRunsTheHandler() throws Exception {
    // a real pgjdbc connection attempt to a loopback port nothing listens on, as mid-failover
    DriverManagerDataSource nowhere = new DriverManagerDataSource(
        "jdbc:postgresql://127.0.0.1:" + FreePorts.next() + "/prontuario?connectTimeout=1",
        "postgres", "");
    MutationTransactionFilter filter = new MutationTransactionFilter(
        new TransactionTemplate(new DataSourceTransactionManager(nowhere)),
        new ProblemWriter(JsonMapper.builder().build()));
    MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/api/v1/patients/1");
    MockHttpServletResponse response = new MockHttpServletResponse();
    AtomicBoolean handled = new AtomicBoolean();

    filter.doFilter(request, response, (req, res) -> handled.set(true));

    assertThat(handled).isFalse();
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("2");
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(response.getContentAsString()).contains("Database unavailable");
  }
}
