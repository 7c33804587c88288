package br.prontuario.edge.controller.console;

import br.prontuario.edge.controller.api.RejectedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Drills from the console: which scenarios this site allows, the one running now, past reports,
 * and starting one ({@code edgectl drill SCENARIO --dir DIR}, which measures and reports as from the
 * command line, and posts each run to the controller).
 */
@RestController
@RequestMapping("/api/v1/console/drills")
class DrillsApi {

  private final ClusterSite site;
  private final EdgectlJobs jobs;
  private final DrillReports reports;
  private final ConsoleActions actions;

  DrillsApi(ClusterSite site, EdgectlJobs jobs, DrillReports reports, ConsoleActions actions) {
    this.site = site;
    this.jobs = jobs;
    this.reports = reports;
    this.actions = actions;
  }

  record Drills(boolean production, boolean canStart, List<DrillScenario> allowed,
      Optional<EdgectlJobs.Job> current, List<DrillReports.Report> history) {}

  @GetMapping
  Drills drills() {
    return new Drills(site.production(), jobs.available(), DrillScenario.allowedOn(site), jobs.current(),
        reports.history());
  }

  record StartDrill(@NotBlank String scenario) {}

  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  EdgectlJobs.Job start(@Valid @RequestBody StartDrill request, HttpServletRequest http) {
    boolean allowed = DrillScenario.allowedOn(site).stream().anyMatch(s -> s.id().equals(request.scenario()));
    if (!allowed) {
      throw new RejectedException("drill " + request.scenario() + " is not allowed on this site"
          + (site.production() ? " (production: only the safe drills)" : ""));
    }
    return actions.runEdgectl("drill " + request.scenario(), OperatorName.of(http),
        List.of("drill", request.scenario(), "--json"));
  }

  @GetMapping(path = "/{id}/report", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<byte[]> report(@PathVariable String id) throws IOException {
    var file = reports.html(id);
    if (file.isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(Files.readAllBytes(file.get()));
  }
}
