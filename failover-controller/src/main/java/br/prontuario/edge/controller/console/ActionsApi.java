package br.prontuario.edge.controller.console;

import br.prontuario.edge.controller.history.HistoryEvent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The console's actions; the page asks for a confirmation naming the consequence before each. */
@RestController
@RequestMapping("/api/v1/console/actions")
class ActionsApi {

  private final ConsoleActions actions;

  ActionsApi(ConsoleActions actions) {
    this.actions = actions;
  }

  record Switchover(@NotBlank String to) {}

  record Maintenance(@NotNull Boolean enabled) {}

  @PostMapping("/switchover")
  HistoryEvent switchover(@Valid @RequestBody Switchover request, HttpServletRequest http) {
    return actions.switchover(request.to(), OperatorName.of(http));
  }

  @PutMapping("/maintenance")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void maintenance(@Valid @RequestBody Maintenance request, HttpServletRequest http) {
    actions.maintenance(request.enabled(), OperatorName.of(http));
  }

  @PostMapping("/cloud-activation")
  @ResponseStatus(HttpStatus.ACCEPTED)
  EdgectlJobs.Job activateCloud(HttpServletRequest http) {
    return actions.runEdgectl("cloud activation", OperatorName.of(http), List.of("cloud", "activate"));
  }

  @PostMapping("/failback")
  @ResponseStatus(HttpStatus.ACCEPTED)
  EdgectlJobs.Job failBack(HttpServletRequest http) {
    return actions.runEdgectl("failback", OperatorName.of(http), List.of("failback"));
  }
}
