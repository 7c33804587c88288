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

  DrillResultsApi(LastDrillResults results) {
    this.results = results;
  }

  @PostMapping("/results")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void report(@Valid @RequestBody DrillResult result) {
    results.record(result);
  }
}
