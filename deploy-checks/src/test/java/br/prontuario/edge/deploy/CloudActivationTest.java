package br.prontuario.edge.deploy;

import static br.prontuario.edge.deploy.MockSite.NS;
import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.controller.cloud.KubernetesPatroniPromotion;
import br.prontuario.edge.site.activation.StandbyPromotion;
import br.prontuario.edge.controller.routing.KubernetesRouter;
import br.prontuario.edge.controller.routing.RouteOutcome;
import br.prontuario.edge.controller.routing.RoutingProperties;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The controller's own Kubernetes classes (what EMERGENCY_CLOUD and failback call) against the
 * rendered manifests in fabric8's mock API server, CRUD mode. Names come from the controller's
 * defaults and from the manifests, never from this test: a rename on either side fails here.
 */
@EnableKubernetesMockClient(crud = true)
class CloudActivationTest {

  KubernetesClient client;
  KubernetesMockServer server;

  private final RoutingProperties.Kubernetes defaults =
      new RoutingProperties.Kubernetes(null, null, null, null, null, null, 0);

  @Test
  void activationOnGkePromotesTheStandbyAndScalesCloudFallbackUpLeavingTheDatabaseAlone() {
    String scope = MockSite.load(client, Manifests.render("gke"));
    KubernetesRouter router = new KubernetesRouter(client, defaults);
    assertThat(MockSite.dynamicConfiguration(client, scope).has("standby_cluster")).isTrue();
    assertThat(router.cloudRouted()).isFalse();

    StandbyPromotion.Outcome promoted = new KubernetesPatroniPromotion(client, NS, scope).promote();
    RouteOutcome routed = router.routeToCloud(true);

    assertThat(promoted.ok()).as(promoted.detail()).isTrue();
    assertThat(routed.ok()).as(routed.detail()).isTrue();
    JsonNode dynamic = MockSite.dynamicConfiguration(client, scope);
    assertThat(dynamic.has("standby_cluster")).isFalse();
    assertThat(dynamic.path("ttl").asInt()).isEqualTo(30);
    assertThat(dynamic.path("postgresql").path("use_pg_rewind").asBoolean()).isTrue();
    assertThat(MockSite.replicas(client, defaults.cloudNamespace(), defaults.cloudDeployment()))
        .isEqualTo(defaults.cloudReplicas());
    assertThat(router.cloudRouted()).isTrue();
    assertThat(client.apps().statefulSets().inNamespace(NS).withName("cloud-db").get()
        .getSpec().getReplicas()).isEqualTo(2);
  }

  @Test
  void aSecondActivationChangesNothing() {
    String scope = MockSite.load(client, Manifests.render("gke"));
    KubernetesPatroniPromotion promotion = new KubernetesPatroniPromotion(client, NS, scope);
    promotion.promote();
    String once = client.configMaps().inNamespace(NS).withName(scope + "-config").get()
        .getMetadata().getAnnotations().get("config");

    StandbyPromotion.Outcome again = promotion.promote();

    assertThat(again.ok()).isTrue();
    assertThat(again.detail()).contains("already promoted");
    assertThat(client.configMaps().inNamespace(NS).withName(scope + "-config").get()
        .getMetadata().getAnnotations().get("config")).isEqualTo(once);
  }

  @Test
  void failbackRoutesTheEdgeServiceToTheNodeAndScalesCloudFallbackToZero() {
    String scope = MockSite.load(client, Manifests.render("local"));
    KubernetesRouter router = new KubernetesRouter(client, defaults);
    new KubernetesPatroniPromotion(client, NS, scope).promote();
    router.routeToCloud(true);

    // the controller's failback: (merge,) route to the node, close the cloud path (, merge)
    RouteOutcome routed = router.routeTo("node-b");
    RouteOutcome closed = router.routeToCloud(false);

    assertThat(routed.ok()).as(routed.detail()).isTrue();
    assertThat(closed.ok()).as(closed.detail()).isTrue();
    assertThat(router.activeNode()).contains("node-b");
    assertThat(client.services().inNamespace(defaults.namespace()).withName(defaults.service()).get()
        .getSpec().getSelector()).containsEntry("app", "edge-node");
    assertThat(MockSite.replicas(client, defaults.namespace(), "edge-node-b")).isEqualTo(1);
    assertThat(MockSite.replicas(client, defaults.cloudNamespace(), defaults.cloudDeployment())).isZero();
    assertThat(router.cloudRouted()).isFalse();
    // re-seeding the standby is edgectl failback's (docs/failback.md): the cloud stays a primary
    assertThat(MockSite.dynamicConfiguration(client, scope).has("standby_cluster")).isFalse();
  }

  @Test
  void everyCallActivationAndFailbackMakeIsAllowedByTheFallbackActivatorRole() throws Exception {
    List<JsonNode> objects = Manifests.render("gke");
    String scope = MockSite.load(client, objects);
    ApiCalls calls = new ApiCalls(server);
    calls.drain();
    KubernetesRouter router = new KubernetesRouter(client, defaults);

    new KubernetesPatroniPromotion(client, NS, scope).promote();
    router.routeToCloud(true);
    router.cloudRouted();
    router.routeToCloud(false);

    List<ApiCalls.Call> made = calls.drain();
    JsonNode role = Manifests.find(objects, "Role", "fallback-activator");
    assertThat(made).isNotEmpty().allSatisfy(call ->
        assertThat(ApiCalls.allows(role, call)).as(call.toString()).isTrue());
  }
}
