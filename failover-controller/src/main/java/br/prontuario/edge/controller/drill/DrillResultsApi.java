package br.prontuario.edge.controller.drill;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Where {@code edgectl drill} reports each run (it-ops token, like all of /api/**). */
@RestController
@RequestMapping("/api/v1/drills")
class DrillResultsApi {

  private final LastDrillResults results;
  private final LastRestoreDrill restore;

  DrillResultsApi(LastDrillResults results, LastRestoreDrill restore) {
    this.results = results;
    this.restore = restore;
  }

  @PostMapping("/results")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void report(@Valid @RequestBody DrillResult result) {
    if (result.isRestore()) {
      restore.record(result);
    } else {
      results.record(result);
    }
  }
}
