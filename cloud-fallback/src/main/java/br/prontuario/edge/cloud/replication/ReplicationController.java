package br.prontuario.edge.cloud.replication;

import br.prontuario.edge.cloud.health.DatabaseRole;
import br.prontuario.edge.cloud.mode.ServiceMode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** For IT staff and edgectl: is the cloud following the edge, and how far behind. */
@RestController
class ReplicationController {

  private final ReplicationMonitor monitor;
  private final DatabaseRole role;

  ReplicationController(ReplicationMonitor monitor, DatabaseRole role) {
    this.monitor = monitor;
    this.role = role;
  }

  record ReplicationStatus(String mode, String database, Double delaySeconds) {}

  @GetMapping("/api/v1/ops/replication")
  ReplicationStatus status() {
    double delay = monitor.delaySeconds();
    return new ReplicationStatus(ServiceMode.EMERGENCY, role.current().name().toLowerCase(),
        Double.isNaN(delay) ? null : delay);
  }
}
