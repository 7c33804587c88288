package br.prontuario.edge.common.idempotency;

import static br.prontuario.edge.common.web.UnreachableDatabase.assertAnswered503WithRetryAfter;
import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.problem.ProblemWriter;
import br.prontuario.edge.common.security.ClinicalPrincipal;
import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.common.web.UnreachableDatabase;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

class IdempotencyFilterTest {

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void aPostDuringAFailoverAnswers503WithRetryAfterLikeTheOtherMutations() throws Exception {
    UnreachableDatabase nowhere = new UnreachableDatabase();
    IdempotencyFilter filter = new IdempotencyFilter(
        new IdempotencyStore(new JdbcTemplate(nowhere.dataSource)), nowhere.transactions(),
        new ProblemWriter(JsonMapper.builder().build()), UnreachableDatabase.SHORT_HOLD);
    SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(
        new ClinicalPrincipal("dr-a", Set.of(Role.PHYSICIAN)), null));
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/patients");
    request.addHeader(IdempotencyFilter.HEADER, "key-0001");
    request.setContent("{}".getBytes());
    MockHttpServletResponse response = new MockHttpServletResponse();
    AtomicBoolean handled = new AtomicBoolean();

    filter.doFilter(request, response, (req, res) -> handled.set(true));

    assertThat(handled).isFalse();
    assertAnswered503WithRetryAfter(response);
  }
}
