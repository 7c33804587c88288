package br.prontuario.edge.controller.localcluster;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With {@code edge.controller.cluster-file=DIR/cluster.json} (what {@code edgectl up} writes), the
 * controller takes the nodes, Sentinels, HAProxy runtime API, etcd endpoints and JWT secret from
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
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException(KEY + " names " + path + ", which does not exist");
    }
    JsonNode cluster = JsonMapper.shared().readTree(path.toFile());
    environment.getPropertySources().addLast(new MapPropertySource("clusterFile", properties(cluster)));
  }

  static Map<String, Object> properties(JsonNode cluster) {
    Map<String, Object> p = new LinkedHashMap<>();
    int i = 0;
    for (JsonNode node : cluster.path("nodes")) {
      String prefix = "edge.controller.cluster.nodes[" + i++ + "].";
      p.put(prefix + "name", node.path("name").asString());
      p.put(prefix + "app-url", node.path("appUrl").asString());
      p.put(prefix + "patroni-url", node.path("patroniUrl").asString());
      if (node.has("redisPort")) {
        p.put(prefix + "redis", URI.create(node.path("appUrl").asString()).getHost() + ":" + node.path("redisPort").asInt());
      }
    }
    i = 0;
    for (JsonNode sentinel : cluster.path("redis").path("sentinels")) {
      p.put("edge.controller.cluster.sentinels[" + i++ + "]", sentinel.asString());
    }
    putIfPresent(p, "edge.controller.cluster.sentinel-master", cluster.path("redis").path("masterName"));
    String runtimeApi = cluster.path("haproxy").path("runtimeApi").asString("");
    if (runtimeApi.contains(":")) {
      p.put("edge.controller.routing.haproxy.host", runtimeApi.substring(0, runtimeApi.lastIndexOf(':')));
      p.put("edge.controller.routing.haproxy.runtime-api-port", runtimeApi.substring(runtimeApi.lastIndexOf(':') + 1));
    }
    putIfPresent(p, "edge.controller.routing.haproxy.backend", cluster.path("haproxy").path("backend"));
    i = 0;
    for (JsonNode endpoint : cluster.path("etcd").path("endpoints")) {
      p.put("edge.controller.election.etcd-endpoints[" + i++ + "]", endpoint.asString());
    }
    putIfPresent(p, "edge.security.jwt-secret", cluster.path("jwtSecret"));
    return p;
  }

  private static void putIfPresent(Map<String, Object> p, String key, JsonNode value) {
    if (!value.isMissingNode() && !value.isNull()) {
      p.put(key, value.asString());
    }
  }
}
