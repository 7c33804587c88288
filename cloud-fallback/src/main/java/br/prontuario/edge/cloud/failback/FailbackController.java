package br.prontuario.edge.cloud.failback;

import br.prontuario.edge.common.security.ClinicalPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The failover controller (before it routes clinicians back to the edge) and IT staff (through
 * {@code edgectl failback}) ask the cloud to merge its writes into the edge. The fork is the
 * cloud's own (see {@link ForkAudit#forkId}), so every caller merges under the same identity.
 */
@RestController
class FailbackController {

  private final CloudMerge merge;

  FailbackController(CloudMerge merge) {
    this.merge = merge;
  }

  @PostMapping("/api/v1/ops/failback/merge")
  MergeReport merge() {
    return merge.merge(ClinicalPrincipal.require().username());
  }
}
