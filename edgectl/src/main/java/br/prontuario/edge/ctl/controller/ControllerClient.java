package br.prontuario.edge.ctl.controller;

import br.prontuario.edge.site.cluster.ClusterDescriptor;
import br.prontuario.edge.site.ops.ActingController;
import br.prontuario.edge.site.ops.OpsToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The failover controller's API as IT staff use it: URL and JWT secret from {@code DIR/cluster.json},
 * a 5-minute it-ops token per call. Every failure is one readable line (an exception message).
 */
final class ControllerClient {

  static final JsonMapper JSON = JsonMapper.shared();

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
  private final URI base;
  private final String jwtSecret;

  private ControllerClient(URI base, String jwtSecret) {
    this.base = base;
    this.jwtSecret = jwtSecret;
  }

  static ControllerClient forCluster(Path dir) {
    Path folder = resolve(dir);
    ClusterDescriptor cluster = ClusterDescriptor.read(folder);
    String url = cluster.controllerUrl();
    String secret = cluster.jwtSecret();
    if (url == null || secret == null) {
      throw new IllegalArgumentException(folder.resolve(ClusterDescriptor.FILE)
          + " names no controller.url or jwtSecret");
    }
    // one replica per box: talk to the acting one (else any that answers, else the first, whose
    // silence then becomes the error message)
    List<String> replicas = new ArrayList<>(cluster.controllerUrls());
    if (replicas.size() > 1) {
      url = new ActingController(replicas, secret, Clock.systemUTC(), Duration.ofSeconds(2)).find().orElse(url);
    }
    return new ControllerClient(URI.create(url.endsWith("/") ? url : url + "/"), secret);
  }

  /** {@code --dir}, else {@code <edge.home>/.state/cluster} (bin/edgectl sets edge.home). */
  static Path resolve(Path dir) {
    if (dir != null) {
      return dir.toAbsolutePath();
    }
    return Path.of(System.getProperty("edge.home", ".")).resolve(".state").resolve("cluster")
        .toAbsolutePath().normalize();
  }

  JsonNode get(String path) {
    return send(request(path).GET());
  }

  JsonNode post(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  JsonNode put(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  private HttpRequest.Builder request(String path) {
    String token = OpsToken.mint(jwtSecret, "edgectl", Instant.now(), Duration.ofMinutes(5));
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json").header("Authorization", "Bearer " + token);
  }

  private JsonNode send(HttpRequest.Builder request) {
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("controller unreachable at " + base + " (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    }
    JsonNode body = parse(response.body());
    if (response.statusCode() / 100 != 2) {
      String detail = body.path("detail").asString("HTTP " + response.statusCode());
      throw new IllegalStateException("controller refused (" + response.statusCode() + "): " + detail);
    }
    return body;
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
    } catch (JacksonException e) {
      return JSON.missingNode();
    }
  }
}
