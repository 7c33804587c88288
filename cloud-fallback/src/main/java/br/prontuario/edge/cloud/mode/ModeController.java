package br.prontuario.edge.cloud.mode;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the app asks after login: which mode it is in and what it may offer. */
@RestController
class ModeController {

  record ModeResponse(String mode, String notice, List<String> functions) {}

  static final List<String> FUNCTIONS = List.of("patient-search", "emergency-summary",
      "critical-alerts", "emergency-notes", "summary-chat", "password-login");

  @GetMapping("/api/v1/mode")
  ModeResponse mode() {
    return new ModeResponse(ServiceMode.EMERGENCY,
        "Modo de emergência: funções reduzidas enquanto os servidores do hospital estão fora do ar.",
        FUNCTIONS);
  }
}
