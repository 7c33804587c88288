package br.prontuario.edge.controller.localcluster;

import br.prontuario.edge.site.cluster.ClusterDescriptor;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code edge.controller.cluster-file=DIR/cluster.json} (what {@code edgectl up} writes), the
 * controller takes the nodes, Sentinels, HAProxy runtime API, etcd endpoints, JWT secret and
 * Patroni REST credentials from
 * that file, so launching it needs no long argument list. Explicit properties still win: this
 * source has the lowest precedence.
 */
public final class ClusterFileProperties implements EnvironmentPostProcessor {

  static final String KEY = "edge.controller.cluster-file";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String file = environment.getProperty(KEY);
    if (file == null || file.isBlank()) {
      return;
    }
    Path path = Path.of(file);
    ClusterDescriptor cluster;
    try {
      cluster = ClusterDescriptor.readFile(path);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(KEY + " names " + path + ": " + e.getMessage(), e);
    }
    environment.getPropertySources().addLast(new MapPropertySource("clusterFile", properties(cluster)));
  }

  static Map<String, Object> properties(ClusterDescriptor cluster) {
    Map<String, Object> p = new LinkedHashMap<>();
    int i = 0;
    for (ClusterDescriptor.Node node : cluster.nodes()) {
      String prefix = "edge.controller.cluster.nodes[" + i++ + "].";
      p.put(prefix + "name", node.name());
      p.put(prefix + "app-url", node.appUrl());
      p.put(prefix + "patroni-url", node.patroniUrl());
      if (node.redisPort() != null) {
        p.put(prefix + "redis", URI.create(node.appUrl()).getHost() + ":" + node.redisPort());
      }
    }
    ClusterDescriptor.Redis redis = cluster.redis();
    if (redis != null) {
      putAll(p, "edge.controller.cluster.sentinels", redis.sentinels());
      putIfPresent(p, "edge.controller.cluster.sentinel-master", redis.masterName());
      putIfPresent(p, "edge.controller.sentinel-auth.username", redis.username());
      putIfPresent(p, "edge.controller.sentinel-auth.password", redis.password());
    }
    String runtimeApi = cluster.haproxy() == null || cluster.haproxy().runtimeApi() == null ? ""
        : cluster.haproxy().runtimeApi();
    if (runtimeApi.contains(":")) {
      p.put("edge.controller.routing.haproxy.host", runtimeApi.substring(0, runtimeApi.lastIndexOf(':')));
      p.put("edge.controller.routing.haproxy.runtime-api-port", runtimeApi.substring(runtimeApi.lastIndexOf(':') + 1));
    }
    if (cluster.haproxy() != null) {
      putIfPresent(p, "edge.controller.routing.haproxy.backend", cluster.haproxy().backend());
      putAll(p, "edge.controller.routing.haproxy.runtime-apis", cluster.haproxy().runtimeApis());
    }
    if (cluster.etcd() != null) {
      putAll(p, "edge.controller.election.etcd-endpoints", cluster.etcd().endpoints());
      if (cluster.etcd().tls() != null) {
        putIfPresent(p, "edge.controller.election.etcd-tls.ca-certificate", cluster.etcd().tls().caCertificate());
        putIfPresent(p, "edge.controller.election.etcd-tls.certificate", cluster.etcd().tls().certificate());
        putIfPresent(p, "edge.controller.election.etcd-tls.key", cluster.etcd().tls().key());
      }
    }
    putIfPresent(p, "edge.security.jwt-secret", cluster.jwtSecret());
    if (cluster.previousJwtSecret() != null) {
      p.put("edge.security.previous-jwt-secret", cluster.previousJwtSecret().secret());
      p.put("edge.security.previous-jwt-secret-until", cluster.previousJwtSecret().acceptedUntil().toString());
    }
    if (cluster.patroniApi() != null) {
      putIfPresent(p, "edge.controller.patroni.username", cluster.patroniApi().username());
      putIfPresent(p, "edge.controller.patroni.password", cluster.patroniApi().password());
      putIfPresent(p, "edge.controller.patroni.previous-password", cluster.patroniApi().previousPassword());
    }
    if (cluster.tls() != null) {
      putIfPresent(p, "edge.controller.patroni.ca-certificate", cluster.tls().caCertificate());
    }
    return p;
  }

  private static void putAll(Map<String, Object> p, String key, List<String> values) {
    for (int i = 0; values != null && i < values.size(); i++) {
      p.put(key + "[" + i + "]", values.get(i));
    }
  }

  private static void putIfPresent(Map<String, Object> p, String key, String value) {
    if (value != null) {
      p.put(key, value);
    }
  }
}
