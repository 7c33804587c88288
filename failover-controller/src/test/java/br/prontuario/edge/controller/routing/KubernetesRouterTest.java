package br.prontuario.edge.controller.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against fabric8's Kubernetes mock server in CRUD mode, with the objects of k8s/edge and k8s/base. */
@EnableKubernetesMockClient(crud = true)
class KubernetesRouterTest {

  KubernetesClient client;
  private KubernetesRouter router;

  @BeforeEach
  void edgeServiceSelectsNodeA() {
    client.services().inNamespace("prontuario").resource(new ServiceBuilder()
        .withNewMetadata().withName("edge-node").withNamespace("prontuario").endMetadata()
        .withNewSpec().withSelector(Map.of("app", "edge-node", "edge.prontuario/node", "node-a")).endSpec()
        .build()).create();
    for (String node : new String[] {"node-a", "node-b"}) {
      deployment("prontuario", "edge-" + node, node.equals("node-a") ? 1 : 0);
    }
    deployment("prontuario-emergency", "cloud-fallback", 0);
    router = new KubernetesRouter(client, new RoutingProperties.Kubernetes(null, null, null, null, null, null, 0));
  }

  @Test
  void routingToNodeBPatchesTheServiceSelectorAndStartsItsDeployment() {
    RouteOutcome outcome = router.routeTo("node-b");

    assertThat(outcome.ok()).isTrue();
    assertThat(router.activeNode()).contains("node-b");
    assertThat(client.services().inNamespace("prontuario").withName("edge-node").get().getSpec().getSelector())
        .containsEntry("app", "edge-node");
    assertThat(replicas("prontuario", "edge-node-b")).isEqualTo(1);
  }

  @Test
  void activatingTheCloudScalesTheFallbackUpAndDeactivatingBackToZero() {
    assertThat(router.cloudRouted()).isFalse();
    assertThat(router.routeToCloud(true).ok()).isTrue();
    assertThat(replicas("prontuario-emergency", "cloud-fallback")).isEqualTo(2);
    assertThat(router.cloudRouted()).isTrue();

    assertThat(router.routeToCloud(false).ok()).isTrue();
    assertThat(replicas("prontuario-emergency", "cloud-fallback")).isZero();
    assertThat(router.cloudRouted()).isFalse();
  }

  @Test
  void routingToANodeWithoutADeploymentFailsAndLeavesTheSelectorAlone() {
    RouteOutcome outcome = router.routeTo("node-z");

    assertThat(outcome.ok()).isFalse();
    assertThat(router.activeNode()).contains("node-a");
  }

  private void deployment(String namespace, String name, int replicas) {
    client.apps().deployments().inNamespace(namespace).resource(new DeploymentBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
        .withNewSpec().withReplicas(replicas).endSpec().build()).create();
  }

  private int replicas(String namespace, String name) {
    return client.apps().deployments().inNamespace(namespace).withName(name).get().getSpec().getReplicas();
  }
}
