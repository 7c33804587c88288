package br.prontuario.edge.controller.api;

import br.prontuario.edge.localcluster.process.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The controller app watching two nodes that do not answer (closed loopback ports): every probe
 * fails fast, so both nodes go down and the state machine moves without any engine running.
 */
final class ControllerAppFixture {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ControllerAppFixture() {}

  static void properties(DynamicPropertyRegistry registry) {
    registry.add("edge.security.jwt-secret", () -> Tokens.SECRET);
    registry.add("edge.controller.probe.interval", () -> "200ms");
    registry.add("edge.controller.probe.timeout", () -> "100ms");
    registry.add("edge.controller.cluster.nodes[0].name", () -> "node-a");
    registry.add("edge.controller.cluster.nodes[1].name", () -> "node-b");
    for (int i = 0; i < 2; i++) {
      String prefix = "edge.controller.cluster.nodes[" + i + "].";
      int app = FreePorts.next();
      int patroni = FreePorts.next();
      registry.add(prefix + "app-url", () -> "http://127.0.0.1:" + app);
      registry.add(prefix + "patroni-url", () -> "http://127.0.0.1:" + patroni);
    }
    registry.add("edge.controller.routing.haproxy.runtime-api-port", FreePorts::next);
    registry.add("edge.controller.history.dir", ControllerAppFixture::stateDir);
  }

  private static String stateDir() {
    try {
      Path target = Path.of(System.getProperty("user.dir"), "target");
      Files.createDirectories(target);
      return Files.createTempDirectory(target, "controller-state-").toString();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  record Reply(int status, String contentType, String body) {}

  static Reply call(int port, String method, String path, String authorization, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
