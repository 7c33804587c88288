package br.prontuario.edge.controller.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.controller.routing.KubernetesRouter;
import br.prontuario.edge.site.activation.StandbyPromotion;
import br.prontuario.edge.controller.routing.RoutingProperties;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GKE activation against fabric8's mock API server in CRUD mode, with k8s/base's names. */
@EnableKubernetesMockClient(crud = true)
class KubernetesPatroniPromotionTest {

  private static final String NS = "prontuario-emergency";
  KubernetesClient client;

  @Test
  void promotionRemovesStandbyClusterFromPatronisConfigAndRoutingScalesTheFallbackUp() {
    client.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata()
        .withName("cloud-config").withNamespace(NS).withAnnotations(Map.of("config",
            "{\"ttl\":30,\"standby_cluster\":{\"host\":\"edge-gateway\",\"port\":5432}}"))
        .endMetadata().build()).create();
    client.apps().deployments().inNamespace(NS).resource(new DeploymentBuilder().withNewMetadata()
        .withName("cloud-fallback").withNamespace(NS).endMetadata().withNewSpec().withReplicas(0)
        .endSpec().build()).create();

    StandbyPromotion.Outcome promoted = new KubernetesPatroniPromotion(client, NS, "cloud").promote();
    boolean routed = new KubernetesRouter(client,
        new RoutingProperties.Kubernetes(null, null, null, null, null, null, 0))
        .routeToCloud(true).ok();

    assertThat(promoted.ok()).as(promoted.detail()).isTrue();
    String config = client.configMaps().inNamespace(NS).withName("cloud-config").get()
        .getMetadata().getAnnotations().get("config");
    assertThat(config).doesNotContain("standby_cluster").contains("\"ttl\":30");
    assertThat(routed).isTrue();
    assertThat(client.apps().deployments().inNamespace(NS).withName("cloud-fallback").get()
        .getSpec().getReplicas()).isPositive();
  }

  @Test
  void aSecondPromotionIsANoOpAndAMissingConfigurationIsAFailure() {
    client.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata()
        .withName("cloud-config").withNamespace(NS).withAnnotations(Map.of("config", "{\"ttl\":30}"))
        .endMetadata().build()).create();

    assertThat(new KubernetesPatroniPromotion(client, NS, "cloud").promote().ok()).isTrue();
    assertThat(new KubernetesPatroniPromotion(client, NS, "other").promote().ok()).isFalse();
  }
}
