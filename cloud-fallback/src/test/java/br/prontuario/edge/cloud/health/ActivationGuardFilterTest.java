package br.prontuario.edge.cloud.health;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.problem.ProblemWriter;
import br.prontuario.edge.localcluster.process.FreePorts;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class ActivationGuardFilterTest {

  // a real pgjdbc connection attempt to a loopback port nothing listens on
  private final ActivationGuardFilter guard = new ActivationGuardFilter(
      new DatabaseRole(new JdbcTemplate(new DriverManagerDataSource(
          "jdbc:postgresql://127.0.0.1:" + FreePorts.next() + "/prontuario?connectTimeout=1",
          "postgres", "")), Clock.systemUTC()),
      new ProblemWriter(JsonMapper.builder().build()));

  @Test
  void clinicalReadsSuchAsTheNoteListAre503UntilTheDatabaseIsAPrimary() throws Exception {
    for (String path : new String[] {"/api/v1/patients/1/notes", "/api/v1/patients/1/summary"}) {
      MockHttpServletResponse response = new MockHttpServletResponse();
      AtomicBoolean served = new AtomicBoolean();

      guard.doFilter(new MockHttpServletRequest("GET", path), response,
          (req, res) -> served.set(true));

      assertThat(served).as(path).isFalse();
      assertThat(response.getStatus()).as(path).isEqualTo(503);
      assertThat(response.getHeader("Retry-After")).isEqualTo("30");
      assertThat(response.getContentType()).isEqualTo("application/problem+json");
    }
  }

  @Test
  void theReplicationOpsEndpointStaysOpen() throws Exception {
    AtomicBoolean served = new AtomicBoolean();
    guard.doFilter(new MockHttpServletRequest("GET", "/api/v1/ops/replication"),
        new MockHttpServletResponse(), (req, res) -> served.set(true));
    assertThat(served).isTrue();
  }
}
