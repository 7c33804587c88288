package br.prontuario.edge.ctl.audit;

import br.prontuario.edge.common.audit.anchor.AnchorCheck;
import br.prontuario.edge.common.audit.anchor.EtcdAnchorStore;
import br.prontuario.edge.site.cluster.ClusterDescriptor;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The chain compared with its anchor in the edge site's etcd (the key edge-node publishes to):
 * {@code status} is {@code agrees}, {@code broken} (with {@code problem}), {@code none-yet},
 * {@code unreachable} or {@code not-configured}. Only {@code broken} fails the verification: the
 * others say the tail could not be checked, and the report says so.
 */
final class AnchorVerification {

  private final Optional<EtcdAnchorStore> store;

  private AnchorVerification(Optional<EtcdAnchorStore> store) {
    this.store = store;
  }

  static AnchorVerification of(ClusterDescriptor cluster) {
    if (cluster.etcd() == null || cluster.etcd().endpoints() == null
        || cluster.etcd().endpoints().isEmpty()) {
      return new AnchorVerification(Optional.empty());
    }
    return new AnchorVerification(Optional.of(new EtcdAnchorStore("edge",
        cluster.etcd().endpoints(), cluster.etcd().clientTls(), EtcdAnchorStore.DEFAULT_KEY,
        Duration.ofSeconds(3))));
  }

  /** What the anchor says about the chain on {@code connection}. */
  Map<String, Object> check(Connection connection) throws SQLException {
    Map<String, Object> report = new LinkedHashMap<>();
    if (store.isEmpty()) {
      report.put("status", "not-configured");
      return report;
    }
    EtcdAnchorStore.Reading reading = store.get().read();
    if (reading instanceof EtcdAnchorStore.Unreachable) {
      report.put("status", "unreachable");
    } else if (reading instanceof EtcdAnchorStore.Absent) {
      report.put("status", "none-yet");
    } else {
      EtcdAnchorStore.Found found = (EtcdAnchorStore.Found) reading;
      report.put("seq", found.anchor().seq());
      report.put("hash", found.anchor().hash());
      report.put("anchoredAt", found.anchor().anchoredAt().toString());
      Optional<String> problem = AnchorCheck.problem(connection, found.anchor());
      report.put("status", problem.isPresent() ? "broken" : "agrees");
      problem.ifPresent(p -> report.put("problem", p));
    }
    return report;
  }

  static boolean broken(Map<String, Object> anchor) {
    return "broken".equals(anchor.get("status"));
  }
}
