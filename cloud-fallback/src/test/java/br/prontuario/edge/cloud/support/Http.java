package br.prontuario.edge.cloud.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A thin HTTP client for a running cloud-fallback. */
public final class Http {

  public static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient client;
  private final String base;

  public Http(int port) {
    this("http://127.0.0.1:" + port, null);
  }

  /** Through an https entry point that presents the cluster's CA ({@code caCertificate}). */
  public Http(String baseUrl, java.nio.file.Path caCertificate) {
    this.base = baseUrl;
    this.client = br.prontuario.edge.localcluster.tls.ClusterTrust.httpClient(caCertificate)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  public record Reply(int status, HttpResponse<String> raw) {
    public JsonNode json() {
      return JSON.readTree(raw.body());
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public boolean isProblem() {
      return String.valueOf(header("Content-Type")).startsWith("application/problem+json")
          && json().has("correlationId");
    }

    @Override
    public String toString() {
      return status + " " + raw.body();
    }
  }

  public Reply get(String path, String token) {
    return send(request(path, token).GET().build());
  }

  public Reply post(String path, String token, Object body) {
    return send(request(path, token).header("Content-Type", "application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
  }

  public Reply send(HttpRequest request) {
    try {
      HttpResponse<String> r = client.send(request,
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(r.statusCode(), r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(60));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }
}
