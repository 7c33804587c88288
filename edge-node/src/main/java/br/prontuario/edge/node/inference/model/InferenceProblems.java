package br.prontuario.edge.node.inference.model;

import br.prontuario.edge.common.problem.ProblemWriter;
import br.prontuario.edge.node.inference.face.FaceInputException;
import br.prontuario.edge.node.inference.face.UnusablePhotoException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 answers for the inference features' expected failures. Ordered before the global
 * advice, whose catch-all would otherwise turn them into 500s.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackages = "br.prontuario.edge.node.inference")
public class InferenceProblems {

  @ExceptionHandler(ModelUnavailableException.class)
  ResponseEntity<ProblemDetail> unavailable(ModelUnavailableException e) {
    ModelStatus status = e.status();
    ProblemDetail problem = ProblemWriter.problem(HttpStatus.SERVICE_UNAVAILABLE, "Model unavailable",
        "The '" + status.name() + "' model is " + status.state() + "; this feature is off, the rest of the API works.");
    problem.setProperty("model", status.name());
    problem.setProperty("modelState", status.state().name());
    return respond(problem, null);
  }

  @ExceptionHandler(InferenceRejectedException.class)
  ResponseEntity<ProblemDetail> rejected(InferenceRejectedException e) {
    boolean full = e.reason() == InferenceRejectedException.Reason.QUEUE_FULL;
    ProblemDetail problem = ProblemWriter.problem(full ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.SERVICE_UNAVAILABLE,
        full ? "Model busy" : "Model timed out", e.getMessage() + "; retry later.");
    problem.setProperty("model", e.model());
    return respond(problem, String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
  }

  @ExceptionHandler(FaceInputException.class)
  ResponseEntity<ProblemDetail> badPhotos(FaceInputException e) {
    return respond(ProblemWriter.problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage()), null);
  }

  @ExceptionHandler(UnusablePhotoException.class)
  ResponseEntity<ProblemDetail> unusablePhoto(UnusablePhotoException e) {
    return respond(ProblemWriter.problem(HttpStatus.UNPROCESSABLE_CONTENT, "Unusable photo", e.getMessage()), null);
  }

  public static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, String retryAfterSeconds) {
    ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (retryAfterSeconds != null) {
      response.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
    }
    return response.body(problem);
  }
}
