package br.prontuario.edge.controller.patroni;

import br.prontuario.edge.controller.decision.ClusterMember;
import br.prontuario.edge.controller.decision.PgRole;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Patroni 3.0's REST API: {@code /patroni} (a node about itself), {@code /cluster} (the DCS view)
 * and {@code /switchover}, {@code /failover}. Unreachable or unparsable answers are empty results.
 */
public final class PatroniClient {

  /** Patroni answers a switchover only after polling the DCS for up to ~20 s. */
  private static final Duration SWITCHOVER_TIMEOUT = Duration.ofSeconds(40);

  private final HttpClient http;
  private final JsonMapper json;
  private final Duration timeout;

  public PatroniClient(JsonMapper json, Duration timeout) {
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.json = json;
    this.timeout = timeout;
  }

  public Optional<PatroniNodeStatus> node(String apiUrl) {
    return get(apiUrl + "/patroni").map(body -> new PatroniNodeStatus(
        body.path("state").asString(""),
        PgRole.fromPatroni(body.path("role").asString(null)),
        body.path("timeline").asLong(0)));
  }

  public Optional<List<ClusterMember>> cluster(String apiUrl) {
    return get(apiUrl + "/cluster").map(PatroniClient::members);
  }

  /** Moves the leader to {@code candidate}; Patroni itself refuses a candidate that is not in sync. */
  public PatroniReply switchover(String apiUrl, String leader, String candidate) {
    return post(apiUrl + "/switchover", Map.of("leader", leader, "candidate", candidate));
  }

  /** Promotes {@code candidate} without a healthy leader; for operators, never automatic. */
  public PatroniReply failover(String apiUrl, String candidate) {
    return post(apiUrl + "/failover", Map.of("candidate", candidate));
  }

  static List<ClusterMember> members(JsonNode cluster) {
    List<ClusterMember> members = new ArrayList<>();
    for (JsonNode m : cluster.path("members")) {
      JsonNode lag = m.path("lag");
      members.add(new ClusterMember(m.path("name").asString(""), m.path("role").asString(""),
          m.path("state").asString(""), lag.isNumber() ? lag.asLong() : (m.has("lag") ? -1 : 0),
          m.path("timeline").asLong(0)));
    }
    return members;
  }

  private Optional<JsonNode> get(String url) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      // /patroni answers 503 with a body when PostgreSQL is not running: still a status
      if (response.body() == null || response.body().isBlank()) {
        return Optional.empty();
      }
      return Optional.of(json.readTree(response.body()));
    } catch (IOException | JacksonException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private PatroniReply post(String url, Map<String, String> body) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(SWITCHOVER_TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new PatroniReply(response.statusCode() == 200, response.statusCode(), response.body());
    } catch (IOException e) {
      return PatroniReply.unreachable(e.getClass().getSimpleName() + " " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return PatroniReply.unreachable("interrupted");
    }
  }
}
