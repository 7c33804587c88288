package br.prontuario.edge.common.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** An expected client-facing failure; the controller advice renders it as problem+json. */
public class ApiProblem extends ErrorResponseException {

  public ApiProblem(HttpStatus status, String title, String detail) {
    super(status, ProblemWriter.problem(status, title, detail), null);
  }

  public ApiProblem withHeader(String name, String value) {
    getHeaders().set(name, value);
    return this;
  }

  public static ApiProblem notFound(String what) {
    return new ApiProblem(HttpStatus.NOT_FOUND, "Not found", what + " does not exist.");
  }

  public static ApiProblem badRequest(String detail) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
  }

  public static ApiProblem conflict(String detail) {
    return new ApiProblem(HttpStatus.CONFLICT, "Conflict", detail);
  }

  public static ApiProblem unprocessable(String detail) {
    return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Unprocessable request", detail);
  }

  public static ApiProblem preconditionRequired() {
    return new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, "If-Match required",
        "Updates need an If-Match header with the ETag you last read.");
  }

  public static ApiProblem preconditionFailed() {
    return new ApiProblem(HttpStatus.PRECONDITION_FAILED, "Stale version",
        "The record changed since you read it; read it again and retry.");
  }

  public static ApiProblem unauthorized(String detail) {
    return new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthorized", detail)
        .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
  }

  public static ApiProblem forbidden(String detail) {
    return new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", detail);
  }
}
