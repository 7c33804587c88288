package br.prontuario.edge.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.problem.DatabaseOutage;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ReadHoldFilterTest {

  private final ReadHoldFilter filter = new ReadHoldFilter(
      new DatabaseOutageHold(Duration.ofSeconds(2), Duration.ofMillis(50)));
  private final MockHttpServletRequest request =
      new MockHttpServletRequest("GET", "/api/v1/patients/1/notes");
  private final MockHttpServletResponse response = new MockHttpServletResponse();
  private final AtomicInteger attempts = new AtomicInteger();

  @Test
  void aReadTheAdviceAnswered503ForTheDatabaseIsReadAgainAndOnlyTheAnswerIsSent() throws Exception {
    filter.doFilter(request, response, (req, res) -> {
      HttpServletResponse http = (HttpServletResponse) res;
      if (attempts.incrementAndGet() < 3) {
        req.setAttribute(DatabaseOutage.ANSWERED, Boolean.TRUE);
        http.setStatus(503);
        http.setHeader("Retry-After", "2");
        res.getWriter().write("unavailable");
        return;
      }
      res.getWriter().write("notes");
    });

    assertThat(attempts).hasValue(3);
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getHeader("Retry-After")).isNull();
    assertThat(response.getContentAsString()).isEqualTo("notes");
  }

  @Test
  void aDatabaseThatStaysAwayForTheWholeHoldGetsTheLast503() throws Exception {
    MockHttpServletRequest read = new MockHttpServletRequest("GET", "/api/v1/patients");
    new ReadHoldFilter(new DatabaseOutageHold(Duration.ofMillis(300), Duration.ofMillis(50)))
        .doFilter(read, response, (req, res) -> {
          attempts.incrementAndGet();
          req.setAttribute(DatabaseOutage.ANSWERED, Boolean.TRUE);
          ((HttpServletResponse) res).setStatus(503);
          ((HttpServletResponse) res).setHeader("Retry-After", "2");
          res.getWriter().write("unavailable");
        });

    assertThat(attempts.get()).isGreaterThan(1);
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("2");
    assertThat(response.getContentAsString()).isEqualTo("unavailable");
  }

  @Test
  void otherAnswersAndOtherMethodsPassOnce() throws Exception {
    filter.doFilter(request, response, (req, res) -> {
      attempts.incrementAndGet();
      ((HttpServletResponse) res).setStatus(404);
    });
    MockHttpServletRequest write = new MockHttpServletRequest("POST", "/api/v1/patients");
    filter.doFilter(write, new MockHttpServletResponse(), (req, res) -> {
      attempts.incrementAndGet();
      req.setAttribute(DatabaseOutage.ANSWERED, Boolean.TRUE);
    });

    assertThat(attempts).hasValue(2);
    assertThat(response.getStatus()).isEqualTo(404);
  }
}
