package br.prontuario.edge.common.problem;

import br.prontuario.edge.common.web.CorrelationId;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into RFC 9457 problem+json with the request's correlation id. Details never
 * echo request values, so patient data cannot leak into responses or logs.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemAdvice.class);

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
    List<String> fields = ex.getConstraintViolations().stream()
        .map(v -> v.getPropertyPath().toString() + ": " + v.getMessage()).sorted().toList();
    ProblemDetail problem = ProblemWriter.problem(HttpStatus.BAD_REQUEST, "Invalid request",
        "Some fields are invalid.");
    problem.setProperty("errors", fields);
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<Object> integrity(DataIntegrityViolationException ex, WebRequest request) {
    return ResponseEntity.status(HttpStatus.CONFLICT).body(ProblemWriter.problem(
        HttpStatus.CONFLICT, "Conflict", "The request conflicts with stored data."));
  }

  /** Pool exhausted or database unreachable (e.g. mid-failover): retryable, not a bug. */
  @ExceptionHandler({CannotGetJdbcConnectionException.class,
      TransientDataAccessResourceException.class, QueryTimeoutException.class})
  ResponseEntity<Object> databaseUnavailable(Exception ex, WebRequest request) {
    LOG.warn("database unavailable: {}", ex.getClass().getName());
    request.setAttribute(DatabaseOutage.ANSWERED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", ProblemWriter.DATABASE_RETRY_AFTER_SECONDS)
        .body(ProblemWriter.problem(HttpStatus.SERVICE_UNAVAILABLE,
            ProblemWriter.DATABASE_UNAVAILABLE_TITLE, ProblemWriter.DATABASE_UNAVAILABLE_DETAIL));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
    if (DatabaseOutage.isTransient(ex)) {
      return databaseUnavailable(ex, request); // e.g. wrapped in an audit or repository error
    }
    // the class and stack only: messages of driver exceptions may quote stored values
    LOG.error("unexpected {} while handling a request", ex.getClass().getName(),
        new RedactedException(ex));
    return ResponseEntity.internalServerError().body(ProblemWriter.problem(
        HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
        "Something went wrong; quote the correlationId to IT."));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<String> fields = ex.getBindingResult().getFieldErrors().stream()
        .map(ProblemAdvice::describe).sorted().toList();
    ProblemDetail problem = ProblemWriter.problem(HttpStatus.BAD_REQUEST, "Invalid request",
        "Some fields are invalid.");
    problem.setProperty("errors", fields);
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem = ProblemWriter.problem(HttpStatus.BAD_REQUEST, "Invalid request",
        "Some parameters are invalid.");
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = ProblemWriter.problem(HttpStatus.BAD_REQUEST, "Unreadable body",
        UnreadableBody.describe(ex));
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body,
      HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    ResponseEntity<Object> response =
        super.handleExceptionInternal(ex, body, headers, statusCode, request);
    if (response != null && response.getBody() instanceof ProblemDetail problem) {
      problem.setProperty("correlationId", CorrelationId.current());
    }
    return response;
  }

  private static String describe(FieldError error) {
    return error.getField() + ": " + error.getDefaultMessage();
  }

  /** Carries the stack of the original exception without its (possibly sensitive) message. */
  private static final class RedactedException extends RuntimeException {
    RedactedException(Throwable original) {
      super(original.getClass().getName(), null, false, true);
      setStackTrace(original.getStackTrace());
    }
  }
}
