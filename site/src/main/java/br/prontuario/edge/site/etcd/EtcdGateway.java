package br.prontuario.edge.site.etcd;

import br.prontuario.edge.site.tls.ClientTls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * etcd 3.4's v3 JSON gateway: POST a JSON body to the first endpoint that answers. Used by the
 * controller's leader election and by the audit chain's anchor.
 */
public final class EtcdGateway {

  private final List<String> endpoints;
  private final HttpClient http;
  private final JsonMapper json;
  private final Duration timeout;
  /** The endpoint that answered last is tried first: a frozen member costs one timeout, not one per call. */
  private volatile int preferred;

  public EtcdGateway(List<String> endpoints, JsonMapper json, Duration timeout) {
    this(endpoints, null, json, timeout);
  }

  /** {@code tls}: the client certificate etcd asks for on its https endpoints; null for none. */
  public EtcdGateway(List<String> endpoints, ClientTls tls, JsonMapper json, Duration timeout) {
    this.endpoints = List.copyOf(endpoints);
    this.http = ClientTls.httpClient(tls, timeout);
    this.json = json;
    this.timeout = timeout;
  }

  /** The answer of the first endpoint that gives one; empty if none answered with 200. */
  public Optional<JsonNode> post(String path, Object body) {
    String payload = json.writeValueAsString(body);
    int first = preferred;
    for (int i = 0; i < endpoints.size(); i++) {
      int index = (first + i) % endpoints.size();
      String endpoint = endpoints.get(index);
      HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + path)).timeout(timeout)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(payload)).build();
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          preferred = index;
          JsonNode node = json.readTree(response.body());
          // the keepalive stream wraps its message in "result"
          return Optional.of(node.has("result") ? node.get("result") : node);
        }
      } catch (IOException | JacksonException e) {
        // next endpoint
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  public static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  public static String unb64(String text) {
    return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
  }
}
