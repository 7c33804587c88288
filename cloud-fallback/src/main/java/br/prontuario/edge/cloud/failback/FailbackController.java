package br.prontuario.edge.cloud.failback;

import br.prontuario.edge.common.security.ClinicalPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** IT staff (through {@code edgectl failback}) ask the cloud to merge its writes into the edge. */
@RestController
class FailbackController {

  private final CloudMerge merge;

  FailbackController(CloudMerge merge) {
    this.merge = merge;
  }

  record MergeRequest(@NotNull UUID forkId) {}

  @PostMapping("/api/v1/ops/failback/merge")
  MergeReport merge(@Valid @RequestBody MergeRequest request) {
    return merge.merge(request.forkId(), ClinicalPrincipal.require().username());
  }
}
