package br.prontuario.edge.controller.console;

import br.prontuario.edge.controller.api.ProblemAdvice;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** The console's bad parameters (e.g. an unreadable time filter) as problem details, like the API's. */
@RestControllerAdvice(basePackageClasses = ConsoleProblems.class)
class ConsoleProblems {

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    return ProblemAdvice.problem(HttpStatus.BAD_REQUEST, "unreadable parameter " + e.getName(), request);
  }
}
