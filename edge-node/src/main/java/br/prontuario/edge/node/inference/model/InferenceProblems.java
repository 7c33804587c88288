package br.prontuario.edge.node.inference.model;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 answers for the inference features' expected failures. */
@RestControllerAdvice(basePackages = "br.prontuario.edge.node.inference")
public class InferenceProblems {

  @ExceptionHandler(ModelUnavailableException.class)
  ResponseEntity<ProblemDetail> unavailable(ModelUnavailableException e, HttpServletRequest request) {
    ModelStatus status = e.status();
    ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Model unavailable",
        "The '" + status.name() + "' model is " + status.state() + "; this feature is off, the rest of the API works.",
        "model-unavailable", request);
    problem.setProperty("model", status.name());
    problem.setProperty("modelState", status.state().name());
    return respond(problem, null);
  }

  @ExceptionHandler(InferenceRejectedException.class)
  ResponseEntity<ProblemDetail> rejected(InferenceRejectedException e, HttpServletRequest request) {
    boolean full = e.reason() == InferenceRejectedException.Reason.QUEUE_FULL;
    ProblemDetail problem = problem(full ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.SERVICE_UNAVAILABLE,
        full ? "Model busy" : "Model timed out", e.getMessage() + "; retry later.",
        full ? "model-busy" : "model-timeout", request);
    problem.setProperty("model", e.model());
    return respond(problem, String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
  }

  /** Builds a problem with the correlation id every error of the API carries. */
  public static ProblemDetail problem(HttpStatus status, String title, String detail, String type,
      HttpServletRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("https://prontuario.example/problems/" + type));
    problem.setInstance(URI.create(request.getRequestURI()));
    problem.setProperty("correlationId", correlationId(request));
    return problem;
  }

  public static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, String retryAfterSeconds) {
    ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (retryAfterSeconds != null) {
      response.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
    }
    return response.body(problem);
  }

  private static String correlationId(HttpServletRequest request) {
    String fromMdc = MDC.get("correlationId");
    if (fromMdc != null) {
      return fromMdc;
    }
    String header = request.getHeader("X-Correlation-Id");
    return header != null && !header.isBlank() ? header : UUID.randomUUID().toString();
  }
}
