package br.prontuario.edge.testsupport.http;

import br.prontuario.edge.localcluster.tls.ClusterTrust;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP client of every module's API tests, for a server on 127.0.0.1: JSON bodies, a bearer
 * token when one is given, and a fresh Idempotency-Key on every POST unless the test names one.
 */
public final class TestHttp {

  public static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient client;
  // bounds one exchange so a hung server fails the test instead of blocking it; generous because
  // some endpoints (local inference, a bulkhead holding requests) answer slowly under load
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private final String base;

  public TestHttp(int port) {
    this.base = "http://127.0.0.1:" + port;
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** Through an https entry point that presents the cluster's CA ({@code caCertificate}). */
  public TestHttp(String baseUrl, Path caCertificate) {
    this.base = baseUrl;
    this.client = ClusterTrust.httpClient(caCertificate).connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** A response; its body parsed as JSON on demand. */
  public record Reply(int status, Map<String, List<String>> headers, String body) {
    public JsonNode json() {
      return JSON.readTree(body);
    }

    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    /** RFC 9457 problem details carrying the request's correlation id, as every error must. */
    public boolean isProblem() {
      String type = header("Content-Type");
      return type != null && type.startsWith("application/problem+json")
          && json().has("correlationId");
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  public Reply get(String path, String token) {
    return send(request(path, token).GET().build());
  }

  /** POSTs a JSON text with a fresh Idempotency-Key. */
  public Reply post(String path, String token, String json) {
    return post(path, token, UUID.randomUUID().toString(), json);
  }

  /** POSTs a value serialised as JSON with a fresh Idempotency-Key. */
  public Reply post(String path, String token, Object body) {
    return post(path, token, json(body));
  }

  /** POSTs a JSON text with the given Idempotency-Key, or none when it is null. */
  public Reply post(String path, String token, String idempotencyKey, String json) {
    HttpRequest.Builder b = request(path, token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (idempotencyKey != null) {
      b.header("Idempotency-Key", idempotencyKey);
    }
    return send(b.build());
  }

  public Reply postBytes(String path, String token, String contentType, byte[] body) {
    return send(request(path, token).header("Content-Type", contentType)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  /** PUTs a JSON text, with If-Match when {@code ifMatch} is not null. */
  public Reply put(String path, String token, String ifMatch, String json) {
    HttpRequest.Builder b = request(path, token).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json));
    if (ifMatch != null) {
      b.header("If-Match", ifMatch);
    }
    return send(b.build());
  }

  public Reply send(HttpRequest request) {
    try {
      HttpResponse<String> r = client.send(request,
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(r.statusCode(), r.headers().map(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A request to {@code path} with the bearer token, for tests that build their own. */
  public HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(REQUEST_TIMEOUT);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  public static String json(Object value) {
    return JSON.writeValueAsString(value);
  }
}
