package br.prontuario.edge.drill.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A write retried at a node's edge-node during a failover must not start with a login there: a
 * login touches the throttle in Redis, whose master may be the frozen node (measured: 15 s login
 * timeouts queued behind each other made the primary-freeze drill miss its RTO).
 */
class SharedTokenTest {

  private final AtomicInteger entryLogins = new AtomicInteger();
  private final AtomicInteger nodeLogins = new AtomicInteger();
  private final HttpServer entry = server(entryLogins);
  private final HttpServer node = server(nodeLogins);

  @AfterEach
  void stop() {
    entry.stop(0);
    node.stop(0);
  }

  @Test
  void targetsOfOneLoadShareTheTokenSoTheNodeSeesNoLogin() {
    AtomicReference<String> token = new AtomicReference<>();
    EdgeApi viaEntry = api(entry, token);
    EdgeApi viaNode = api(node, token);

    assertThat(viaEntry.writeNote("p1", "evolução", "k1").createdId()).isEqualTo("note-1");
    assertThat(viaNode.writeNote("p1", "evolução", "k2").createdId()).isEqualTo("note-1");

    assertThat(entryLogins).hasValue(1);
    assertThat(nodeLogins).as("the node accepted the entry's token").hasValue(0);
  }

  @Test
  void separateApisEachLogInOnFirstUse() {
    api(entry, new AtomicReference<>()).writeNote("p1", "evolução", "k1");
    api(node, new AtomicReference<>()).writeNote("p1", "evolução", "k2");

    assertThat(entryLogins).hasValue(1);
    assertThat(nodeLogins).hasValue(1);
  }

  private static EdgeApi api(HttpServer server, AtomicReference<String> token) {
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    return new EdgeApi(base, null, "demo", "x", Duration.ofSeconds(2), token);
  }

  /** The site's token rule: one secret, so a token from any node is valid on every node. */
  private static HttpServer server(AtomicInteger logins) {
    try {
      HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      s.createContext("/api/v1/auth/login", x -> {
        logins.incrementAndGet();
        reply(x, 200, "{\"accessToken\":\"site-token\"}");
      });
      s.createContext("/api/v1/patients/", x -> {
        boolean valid = "Bearer site-token".equals(x.getRequestHeaders().getFirst("Authorization"));
        reply(x, valid ? 201 : 401, valid ? "{\"id\":\"note-1\"}" : "{}");
      });
      s.start();
      return s;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void reply(HttpExchange x, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(status, bytes.length);
    x.getResponseBody().write(bytes);
    x.close();
  }
}
