package br.prontuario.edge.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** A rendered overlay loaded into fabric8's mock API server, plus what Patroni creates at bootstrap. */
final class MockSite {

  static final String NS = "prontuario-emergency";

  private MockSite() {}

  /**
   * Every object of fabric8's model kinds (the controller touches no custom resource), then
   * {@code <scope>-config} the way Patroni's Kubernetes DCS writes it on bootstrap: the
   * {@code bootstrap.dcs} section of the rendered patroni.yml as JSON in the {@code config}
   * annotation. Returns Patroni's scope.
   */
  static String load(KubernetesClient client, List<JsonNode> objects) {
    for (JsonNode object : objects) {
      if (StrictModel.modelClass(object).isPresent()) {
        client.resource(StrictModel.read(object)).create();
      }
    }
    JsonNode patroni = patroniConfig(objects);
    String scope = patroni.path("scope").asString();
    String dcs = JsonMapper.shared().writeValueAsString(patroni.path("bootstrap").path("dcs"));
    ConfigMap config = new ConfigMapBuilder().withNewMetadata().withName(scope + "-config")
        .withNamespace(NS).withLabels(Map.of("app", "cloud-db", "cluster-name", scope))
        .withAnnotations(Map.of("config", dcs)).endMetadata().build();
    client.resource(config).create();
    return scope;
  }

  static JsonNode patroniConfig(List<JsonNode> objects) {
    String yml = Manifests.find(objects, "ConfigMap", "cloud-db-patroni").path("data")
        .path("patroni.yml").asString();
    return YAMLMapper.builder().build().readTree(yml);
  }

  static JsonNode dynamicConfiguration(KubernetesClient client, String scope) {
    String json = client.configMaps().inNamespace(NS).withName(scope + "-config").get()
        .getMetadata().getAnnotations().get("config");
    return JsonMapper.shared().readTree(json);
  }

  static int replicas(KubernetesClient client, String namespace, String deployment) {
    return client.apps().deployments().inNamespace(namespace).withName(deployment).get()
        .getSpec().getReplicas();
  }
}
