package br.prontuario.edge.cloud.mode;

import br.prontuario.edge.common.problem.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any other API path (face login, dictation, full records...) says plainly that emergency mode
 * does not offer it, instead of a bare 404.
 */
@RestController
class NotInEmergencyModeController {

  @RequestMapping("/api/v1/**")
  void unavailable() {
    throw new ApiProblem(HttpStatus.NOT_FOUND, "Not available in emergency mode",
        "Emergency mode offers patient search, the emergency summary, critical alerts, emergency"
            + " notes and the summary chat only.");
  }
}
