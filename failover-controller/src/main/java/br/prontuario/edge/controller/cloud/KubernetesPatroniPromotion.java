package br.prontuario.edge.controller.cloud;

import br.prontuario.edge.site.activation.StandbyPromotion;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * On GKE, Patroni (Kubernetes DCS, ConfigMaps) keeps the cluster's dynamic configuration as JSON
 * in the {@code config} annotation of the {@code <scope>-config} ConfigMap. Removing
 * {@code standby_cluster} there is what {@code PATCH /config} does; Patroni then promotes.
 */
public final class KubernetesPatroniPromotion implements StandbyPromotion {

  static final String ANNOTATION = "config";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final KubernetesClient client;
  private final String namespace;
  private final String scope;

  public KubernetesPatroniPromotion(KubernetesClient client, String namespace, String scope) {
    this.client = client;
    this.namespace = namespace;
    this.scope = scope;
  }

  @Override
  public Outcome promote() {
    String name = scope + "-config";
    try {
      ConfigMap current = client.configMaps().inNamespace(namespace).withName(name).get();
      if (current == null || current.getMetadata().getAnnotations() == null
          || !current.getMetadata().getAnnotations().containsKey(ANNOTATION)) {
        return new Outcome(false, "no Patroni configuration in " + namespace + "/" + name);
      }
      ObjectNode config = (ObjectNode) JSON.readTree(
          current.getMetadata().getAnnotations().get(ANNOTATION));
      if (!config.has("standby_cluster")) {
        return new Outcome(true, "already promoted (no standby_cluster in " + name + ")");
      }
      config.remove("standby_cluster");
      String updated = JSON.writeValueAsString(config);
      client.configMaps().inNamespace(namespace).withName(name)
          .edit(cm -> {
            cm.getMetadata().getAnnotations().put(ANNOTATION, updated);
            return cm;
          });
      return new Outcome(true, "standby_cluster removed from " + namespace + "/" + name);
    } catch (KubernetesClientException e) {
      return new Outcome(false, "Kubernetes API: " + e.getCode());
    }
  }
}
