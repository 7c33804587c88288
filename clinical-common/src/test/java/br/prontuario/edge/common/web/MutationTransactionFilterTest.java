package br.prontuario.edge.common.web;

import static br.prontuario.edge.common.web.UnreachableDatabase.assertAnswered503WithRetryAfter;
import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.problem.ProblemWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class MutationTransactionFilterTest {

  @Test
  void anUnreachableDatabaseIsHeldThenAnswers503WithRetryAfterAndNeverRunsTheHandler() throws Exception {
    MutationTransactionFilter filter = new MutationTransactionFilter(
        new UnreachableDatabase().transactions(), new ProblemWriter(JsonMapper.builder().build()),
        UnreachableDatabase.SHORT_HOLD);
    MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/api/v1/patients/1");
    MockHttpServletResponse response = new MockHttpServletResponse();
    AtomicBoolean handled = new AtomicBoolean();

    long started = System.nanoTime();
    filter.doFilter(request, response, (req, res) -> handled.set(true));

    assertThat(handled).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("held before answering")
        .isGreaterThanOrEqualTo(UnreachableDatabase.SHORT_HOLD.hold().minus(
            UnreachableDatabase.SHORT_HOLD.retryPause()));
    assertAnswered503WithRetryAfter(response);
  }
}
