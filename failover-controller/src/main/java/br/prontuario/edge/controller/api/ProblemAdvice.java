package br.prontuario.edge.controller.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every API error as RFC 9457 problem details with a correlationId. */
@RestControllerAdvice
public class ProblemAdvice {

  @ExceptionHandler(AccessRefusedException.class)
  ProblemDetail refused(AccessRefusedException e, HttpServletRequest request) {
    return problem(HttpStatus.valueOf(e.status()), e.getMessage(), request);
  }

  @ExceptionHandler(RejectedException.class)
  ProblemDetail rejected(RejectedException e, HttpServletRequest request) {
    return problem(HttpStatus.CONFLICT, e.getMessage(), request);
  }

  @ExceptionHandler({MethodArgumentNotValidException.class, HttpMessageNotReadableException.class})
  ProblemDetail badInput(Exception e, HttpServletRequest request) {
    return problem(HttpStatus.BAD_REQUEST, "invalid request body", request);
  }

  public static ProblemDetail problem(HttpStatus status, String detail, HttpServletRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setInstance(URI.create(request.getRequestURI()));
    String correlation = request.getHeader("X-Correlation-Id");
    problem.setProperty("correlationId", correlation == null || correlation.isBlank()
        ? UUID.randomUUID().toString() : correlation);
    return problem;
  }
}
