package br.prontuario.edge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** On GKE only the hospital's HAProxy and controller reach the emergency site. */
class NetworkPoliciesTest {

  private static final String NS = "prontuario-emergency";
  private final List<JsonNode> objects = Manifests.render("gke");
  private final List<NetworkPolicy> policies = Manifests.ofKind(objects, "NetworkPolicy").stream()
      .map(o -> StrictModel.read(o, NetworkPolicy.class)).toList();
  private final JsonNode site = Manifests.repoRootYaml("k8s/overlays/gke/site-network.yaml").path("data");

  @Test
  void everythingIsDeniedInBothDirectionsUnlessAPolicyAllowsIt() {
    NetworkPolicy deny = policy("default-deny");

    assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
    assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
    assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
    assertThat(deny.getSpec().getEgress()).isNullOrEmpty();
  }

  @Test
  void cloudFallbackTakesConnectionsOnlyFromTheHospitalsHaproxyAndControllerAndTheMetricsCollector() {
    List<NetworkPolicyPeer> from = policy("cloud-fallback").getSpec().getIngress().stream()
        .flatMap(rule -> rule.getFrom().stream()).toList();

    assertThat(from.stream().map(NetworkPolicyPeer::getIpBlock).filter(Objects::nonNull)
        .map(block -> block.getCidr()))
        .containsExactlyInAnyOrder(site.path("HOSPITAL_HAPROXY_CIDR").asString(),
            site.path("HOSPITAL_CONTROLLER_CIDR").asString());
    assertThat(from.stream().map(NetworkPolicyPeer::getNamespaceSelector).filter(Objects::nonNull)
        .map(LabelSelector::getMatchLabels))
        .containsExactly(Map.of("kubernetes.io/metadata.name", "gmp-system"));
  }

  @Test
  void theDatabaseAndRedisTakeConnectionsOnlyFromPodsOfTheSite() {
    for (String name : List.of("cloud-db", "cloud-redis")) {
      List<NetworkPolicyPeer> from = policy(name).getSpec().getIngress().stream()
          .flatMap(rule -> rule.getFrom().stream()).toList();
      assertThat(from).as(name).isNotEmpty().allSatisfy(peer -> {
        assertThat(peer.getIpBlock()).isNull();
        assertThat(peer.getNamespaceSelector()).isNull();
        assertThat(peer.getPodSelector()).isNotNull();
      });
    }
  }

  @Test
  void noRuleOpensToEveryoneAndTheOnlyAddressesAreTheSitesOwn() {
    List<String> allowed = Stream.of("HOSPITAL_HAPROXY_CIDR", "HOSPITAL_CONTROLLER_CIDR",
        "CONTROL_PLANE_CIDR").map(k -> site.path(k).asString()).toList();
    String gateway = site.path("REPLICATION_GATEWAY_IP").asString() + "/32";

    for (NetworkPolicy p : policies) {
      var ingressPeers = p.getSpec().getIngress().stream().map(r -> r.getFrom());
      var egressPeers = p.getSpec().getEgress().stream().map(r -> r.getTo());
      Stream.concat(ingressPeers, egressPeers).filter(Objects::nonNull).flatMap(List::stream)
          .map(NetworkPolicyPeer::getIpBlock).filter(Objects::nonNull)
          .forEach(block -> assertThat(block.getCidr()).as(p.getMetadata().getName())
              .isIn(Stream.concat(allowed.stream(), Stream.of(gateway)).toList()));
      p.getSpec().getIngress().forEach(rule ->
          assertThat(rule.getFrom()).as(p.getMetadata().getName() + ": ingress from anyone").isNotEmpty());
    }
  }

  @Test
  void everyPodOfTheSiteIsSelectedByAPolicyOfItsOwn() {
    for (JsonNode workload : Stream.concat(Manifests.ofKind(objects, "Deployment").stream(),
        Manifests.ofKind(objects, "StatefulSet").stream()).toList()) {
      if (!workload.path("metadata").path("namespace").asString().equals(NS)
          || workload.path("metadata").path("name").asString().equals("capacity-reserve")) {
        continue;
      }
      String app = workload.path("spec").path("template").path("metadata").path("labels")
          .path("app").asString();
      assertThat(policies).as(app).anyMatch(p -> app.equals(
          p.getSpec().getPodSelector().getMatchLabels() == null ? null
              : p.getSpec().getPodSelector().getMatchLabels().get("app")));
    }
  }

  @Test
  void noServiceOfTheSiteHasAnAddressOutsideTheVpc() {
    for (JsonNode service : Manifests.ofKind(objects, "Service")) {
      String type = service.path("spec").path("type").asString("ClusterIP");
      String name = service.path("metadata").path("name").asString();
      assertThat(type).as(name).isIn("ClusterIP", "LoadBalancer");
      if (type.equals("LoadBalancer")) {
        assertThat(service.path("metadata").path("annotations")
            .path("networking.gke.io/load-balancer-type").asString()).as(name).isEqualTo("Internal");
      }
    }
    assertThat(Manifests.find(objects, "Service", "cloud-postgres").path("spec").path("type")
        .asString("ClusterIP")).isEqualTo("ClusterIP");
  }

  private NetworkPolicy policy(String name) {
    return policies.stream().filter(p -> p.getMetadata().getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no NetworkPolicy " + name));
  }
}
