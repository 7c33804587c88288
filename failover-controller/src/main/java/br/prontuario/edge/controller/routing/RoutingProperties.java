package br.prontuario.edge.controller.routing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.validation.annotation.Validated;

/**
 * How the controller routes: {@code haproxy} (runtime API over TCP) or {@code kubernetes}.
 *
 * @param mode haproxy | kubernetes
 */
@Validated
@ConfigurationProperties("edge.controller.routing")
public record RoutingProperties(@NotBlank String mode, @NotNull Haproxy haproxy, @NotNull Kubernetes kubernetes) {

  public RoutingProperties {
    mode = mode == null ? "haproxy" : mode;
    haproxy = haproxy == null ? new Haproxy(null, 0, null, null, null, null) : haproxy;
    kubernetes = kubernetes == null ? new Kubernetes(null, null, null, null, null, null, 0) : kubernetes;
    if (!mode.equals("haproxy") && !mode.equals("kubernetes")) {
      throw new IllegalArgumentException("edge.controller.routing.mode must be haproxy or kubernetes, was " + mode);
    }
  }

  /**
   * @param runtimeApiPort the {@code stats socket ipv4@host:PORT level admin} port
   * @param backend backend holding one server per node, named like the node
   * @param cloudServer the backup server slot that points at the cloud deployment
   * @param runtimeApis every entry HAProxy's runtime API as "host:port" (one per box); when empty,
   *     the one at {@code host:runtimeApiPort}
   */
  public record Haproxy(String host, int runtimeApiPort, String backend, String cloudServer, Duration timeout,
      List<String> runtimeApis) {
    @ConstructorBinding
    public Haproxy {
      host = host == null ? "127.0.0.1" : host;
      backend = backend == null ? "edge_nodes" : backend;
      cloudServer = cloudServer == null ? "cloud" : cloudServer;
      timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
      runtimeApis = runtimeApis == null ? List.of() : List.copyOf(runtimeApis);
      for (String api : runtimeApis) {
        if (!api.matches("[^:\\s]+:\\d{1,5}")) {
          throw new IllegalArgumentException("edge.controller.routing.haproxy.runtime-apis entries must be host:port, was '" + api + "'");
        }
      }
    }

    /** One HAProxy at {@code host:runtimeApiPort}. */
    public Haproxy(String host, int runtimeApiPort, String backend, String cloudServer, Duration timeout) {
      this(host, runtimeApiPort, backend, cloudServer, timeout, null);
    }

    /** The runtime APIs to drive, "host:port" each. */
    public List<String> addresses() {
      return runtimeApis.isEmpty() ? List.of(host + ":" + runtimeApiPort) : runtimeApis;
    }
  }

  /**
   * @param deploymentPattern the active node's Deployment name, {@code %s} = node name
   */
  public record Kubernetes(String namespace, String service, String selectorLabel, String deploymentPattern,
      String cloudNamespace, String cloudDeployment, int cloudReplicas) {
    public Kubernetes {
      namespace = namespace == null ? "prontuario" : namespace;
      service = service == null ? "edge-node" : service;
      selectorLabel = selectorLabel == null ? "edge.prontuario/node" : selectorLabel;
      deploymentPattern = deploymentPattern == null ? "edge-%s" : deploymentPattern;
      cloudNamespace = cloudNamespace == null ? "prontuario-emergency" : cloudNamespace;
      cloudDeployment = cloudDeployment == null ? "cloud-fallback" : cloudDeployment;
      cloudReplicas = cloudReplicas == 0 ? 2 : cloudReplicas;
    }
  }
}
