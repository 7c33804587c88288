package br.prontuario.edge.common.problem;

import br.prontuario.edge.common.web.CorrelationId;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}) as problem+json, replacing Spring Boot's default
 * JSON: it answers what never reached a controller, such as a path the security firewall rejects
 * ({@code /api/v1/patients//notes}) or an error raised in a filter.
 */
@RestController
class ProblemErrorController implements ErrorController {

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
    HttpStatus status = status(request);
    ProblemDetail problem = ProblemWriter.problem(status, status.getReasonPhrase(), detail(status));
    String correlationId = response.getHeader(CorrelationId.HEADER);
    if (correlationId != null) {
      problem.setProperty("correlationId", correlationId); // the one the failed request was given
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private static HttpStatus status(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    if (code == null) {
      return HttpStatus.NOT_FOUND; // /error asked for directly: no error page to show
    }
    HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
    return status != null && status.isError() ? status : HttpStatus.INTERNAL_SERVER_ERROR;
  }

  private static String detail(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST -> "The request's path or parameters are malformed.";
      case NOT_FOUND -> "There is nothing at this path.";
      case METHOD_NOT_ALLOWED -> "This path does not take that method.";
      default -> status.is5xxServerError()
          ? "Something went wrong; quote the correlationId to IT." : "The request was refused.";
    };
  }
}
