package br.prontuario.edge.drill.load;

import java.io.IOException;
import br.prontuario.edge.localcluster.tls.ClusterTrust;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * The slice of the edge-node API a drill uses, through the entry point. Logs in once, shares the
 * token between clients and logs in again on 401 (tokens expire; a new node may not know them).
 * Targets of one load share one token, as the app shares its session across entry URLs: a first
 * use of a node's edge-node in the middle of a failover must not start with a login there.
 */
public final class EdgeApi {

  private static final JsonMapper JSON = JsonMapper.shared();
  private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(15);

  private final HttpClient http;
  private final URI base;
  private final String username;
  private final String password;
  private final Duration timeout;
  private final AtomicReference<String> token;

  /** {@code caCertificate}: the cluster CA an https entry point presents (null: the JDK's trust). */
  public EdgeApi(URI base, Path caCertificate, String username, String password, Duration timeout) {
    this(base, caCertificate, username, password, timeout, new AtomicReference<>());
  }

  /** As above, sharing {@code token} with the other targets of the same load. */
  EdgeApi(URI base, Path caCertificate, String username, String password, Duration timeout,
      AtomicReference<String> token) {
    this.token = token;
    this.http = ClusterTrust.httpClient(caCertificate)
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout)
        .build();
    this.base = base;
    this.username = username;
    this.password = password;
    this.timeout = timeout;
  }

  /** host:port this client talks to, naming the target in reports. */
  public String target() {
    return base.getAuthority();
  }

  public ApiResponse login() {
    ApiResponse r = send("POST", "/api/v1/auth/login",
        Map.of("username", username, "password", password), Map.of(), null, loginTimeout());
    if (r.ok() && r.text("accessToken") != null) {
      token.set(r.text("accessToken"));
    }
    return r;
  }

  /**
   * Logs in unless another client already replaced the token that failed: one login per expiry,
   * not one per client (password hashing is deliberately slow).
   */
  private synchronized ApiResponse loginReplacing(String failedToken) {
    String current = token.get();
    if (current != null && !current.equals(failedToken)) {
      return new ApiResponse(200, MissingNode.getInstance(), null);
    }
    return login();
  }

  /** Password hashing may take seconds on a loaded node; writes keep the short timeout. */
  private Duration loginTimeout() {
    return timeout.compareTo(LOGIN_TIMEOUT) > 0 ? timeout : LOGIN_TIMEOUT;
  }

  public ApiResponse createPatient(String name, String birthDate, String sex,
      String idempotencyKey) {
    return authorized("POST", "/api/v1/patients",
        Map.of("name", name, "birthDate", birthDate, "sex", sex),
        Map.of("Idempotency-Key", idempotencyKey));
  }

  public ApiResponse writeNote(String patientId, String text, String idempotencyKey) {
    return authorized("POST", "/api/v1/patients/" + patientId + "/notes",
        Map.of("type", "evolucao", "text", text), Map.of("Idempotency-Key", idempotencyKey));
  }

  /** One note by the id its write was acknowledged with (the edge follows a merged cloud id). */
  public ApiResponse readNote(String patientId, String noteId) {
    return authorized("GET", "/api/v1/patients/" + patientId + "/notes/" + noteId, null, Map.of());
  }

  /** One page of a patient's notes; cursor null for the first page. */
  public ApiResponse listNotes(String patientId, int limit, String cursor) {
    String query = "?limit=" + limit
        + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
    return authorized("GET", "/api/v1/patients/" + patientId + "/notes" + query, null, Map.of());
  }

  /** The first page of a patient's lab results, newest first. */
  public ApiResponse listLabResults(String patientId, int limit) {
    return authorized("GET", "/api/v1/patients/" + patientId + "/lab-results?limit=" + limit, null,
        Map.of());
  }

  private ApiResponse authorized(String method, String path, Object body, Map<String, String> headers) {
    String used = token.get();
    if (used == null) {
      ApiResponse login = loginReplacing(null);
      if (!login.ok()) {
        return login;
      }
      used = token.get();
    }
    ApiResponse r = send(method, path, body, headers, used, timeout);
    if (r.status() == 401) {
      ApiResponse login = loginReplacing(used);
      return login.ok() ? send(method, path, body, headers, token.get(), timeout) : login;
    }
    return r;
  }

  private ApiResponse send(String method, String path, Object body, Map<String, String> headers,
      String bearer, Duration requestTimeout) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
        .timeout(requestTimeout)
        .header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new ApiResponse(response.statusCode(), parse(response.body()), null,
          response.headers().firstValue("X-Service-Mode").filter("emergency"::equalsIgnoreCase)
              .isPresent(), response.headers().firstValue("X-Edge-Node").orElse(null),
          response.headers().firstValue("Idempotent-Replayed").filter("true"::equals).isPresent());
    } catch (IOException e) {
      return ApiResponse.noAnswer(e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ApiResponse.noAnswer("interrupted");
    }
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(body);
    } catch (RuntimeException notJson) {
      return MissingNode.getInstance();
    }
  }
}
