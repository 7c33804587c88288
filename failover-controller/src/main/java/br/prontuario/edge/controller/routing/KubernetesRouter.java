package br.prontuario.edge.controller.routing;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Optional;

/**
 * Routes in Kubernetes: makes sure the active node's Deployment runs, then points the edge Service's
 * node selector at it; the cloud path is the cloud-fallback Deployment scaled up from zero.
 */
public final class KubernetesRouter implements Router {

  private final KubernetesClient client;
  private final RoutingProperties.Kubernetes settings;

  public KubernetesRouter(KubernetesClient client, RoutingProperties.Kubernetes settings) {
    this.client = client;
    this.settings = settings;
  }

  @Override
  public RouteOutcome routeTo(String node) {
    try {
      String deployment = String.format(settings.deploymentPattern(), node);
      if (!scaleAtLeast(settings.namespace(), deployment, 1)) {
        return RouteOutcome.failed("no deployment " + settings.namespace() + "/" + deployment);
      }
      Service patched = client.services().inNamespace(settings.namespace()).withName(settings.service())
          .edit(s -> new ServiceBuilder(s).editSpec().addToSelector(settings.selectorLabel(), node).endSpec().build());
      return RouteOutcome.done("service " + patched.getMetadata().getName() + " selects " + node);
    } catch (KubernetesClientException e) {
      return RouteOutcome.failed("kubernetes: " + e.getMessage());
    }
  }

  @Override
  public RouteOutcome routeToCloud(boolean active) {
    try {
      int replicas = active ? settings.cloudReplicas() : 0;
      Deployment scaled = client.apps().deployments().inNamespace(settings.cloudNamespace())
          .withName(settings.cloudDeployment())
          .edit(d -> new DeploymentBuilder(d).editSpec().withReplicas(replicas).endSpec().build());
      return RouteOutcome.done(scaled.getMetadata().getName() + " scaled to " + replicas);
    } catch (KubernetesClientException e) {
      return RouteOutcome.failed("kubernetes: " + e.getMessage());
    }
  }

  @Override
  public boolean cloudRouted() {
    try {
      Deployment cloud = client.apps().deployments().inNamespace(settings.cloudNamespace())
          .withName(settings.cloudDeployment()).get();
      Integer replicas = cloud == null ? null : cloud.getSpec().getReplicas();
      return replicas != null && replicas > 0;
    } catch (KubernetesClientException e) {
      return false;
    }
  }

  @Override
  public Optional<String> activeNode() {
    try {
      Service service = client.services().inNamespace(settings.namespace()).withName(settings.service()).get();
      return Optional.ofNullable(service).map(s -> s.getSpec().getSelector())
          .map(selector -> selector.get(settings.selectorLabel()));
    } catch (KubernetesClientException e) {
      return Optional.empty();
    }
  }

  private boolean scaleAtLeast(String namespace, String name, int replicas) {
    var resource = client.apps().deployments().inNamespace(namespace).withName(name);
    Deployment current = resource.get();
    if (current == null) {
      return false;
    }
    Integer now = current.getSpec().getReplicas();
    if (now == null || now < replicas) {
      resource.edit(d -> new DeploymentBuilder(d).editSpec().withReplicas(replicas).endSpec().build());
    }
    return true;
  }
}
