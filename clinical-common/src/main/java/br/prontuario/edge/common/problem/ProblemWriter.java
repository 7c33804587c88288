package br.prontuario.edge.common.problem;

import br.prontuario.edge.common.web.CorrelationId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** Writes RFC 9457 problem details where no controller advice reaches: filters, security. */
@Component
public class ProblemWriter {

  static final String DATABASE_RETRY_AFTER_SECONDS = "2";
  static final String DATABASE_UNAVAILABLE_TITLE = "Database unavailable";
  static final String DATABASE_UNAVAILABLE_DETAIL =
      "The database is busy or failing over; retry shortly with the same Idempotency-Key.";

  private final ObjectMapper json;

  public ProblemWriter(ObjectMapper json) {
    this.json = json;
  }

  public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
      String title, String detail) throws IOException {
    ProblemDetail problem = problem(status, title, detail);
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(json.writeValueAsBytes(problem));
  }

  /** The 503 of a database that is failing over: the client retries with the same key. */
  public void writeDatabaseUnavailable(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.resetBuffer();
    response.setHeader("Retry-After", DATABASE_RETRY_AFTER_SECONDS);
    write(request, response, HttpStatus.SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE_TITLE,
        DATABASE_UNAVAILABLE_DETAIL);
  }

  public static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setProperty("correlationId", CorrelationId.current());
    return problem;
  }
}
