package br.prontuario.edge.controller.election;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import br.prontuario.edge.site.tls.ClientTls;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Controller HA.
 *
 * @param mode etcd | kubernetes | none (a single controller that always acts; local demos only)
 * @param identity this replica's name (pod name or host)
 * @param etcdEndpoints etcd client URLs (v3 JSON gateway), tried in order
 * @param key the etcd key / Kubernetes Lease name holding the leader's identity
 * @param leaseTtl how long a silent leader keeps the lease
 * @param etcdTls this controller's client certificate, which an etcd serving https asks for
 */
@Validated
@ConfigurationProperties("edge.controller.election")
public record ElectionProperties(
    @NotBlank String mode,
    @NotBlank String identity,
    List<String> etcdEndpoints,
    @NotBlank String key,
    String namespace,
    @NotNull Duration leaseTtl,
    ClientTls etcdTls) {

  public ElectionProperties {
    mode = mode == null ? "none" : mode;
    identity = identity == null || identity.isBlank() ? defaultIdentity() : identity;
    etcdEndpoints = etcdEndpoints == null ? List.of() : List.copyOf(etcdEndpoints);
    key = key == null ? "failover-controller-leader" : key;
    namespace = namespace == null ? "prontuario" : namespace;
    leaseTtl = leaseTtl == null ? Duration.ofSeconds(10) : leaseTtl;
    if (!List.of("etcd", "kubernetes", "none").contains(mode)) {
      throw new IllegalArgumentException("edge.controller.election.mode must be etcd, kubernetes or none, was " + mode);
    }
    if (mode.equals("etcd") && etcdEndpoints.isEmpty()) {
      throw new IllegalArgumentException("edge.controller.election.etcd-endpoints is required in etcd mode");
    }
    if (leaseTtl.getSeconds() < 2) {
      throw new IllegalArgumentException("edge.controller.election.lease-ttl must be at least 2s, was " + leaseTtl);
    }
  }

  private static String defaultIdentity() {
    return System.getenv().getOrDefault("POD_NAME", "controller-" + ProcessHandle.current().pid());
  }
}
