package br.prontuario.edge.controller.e2e;

import br.prontuario.edge.site.ops.OpsToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A controller replica's API as IT staff use it (it-ops token minted from the cluster's secret). */
record ControllerApiClient(String identity, String component, String url, String jwtSecret) {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** The replica's status; empty while it does not answer (killed, starting). */
  Optional<JsonNode> status() {
    return send("GET", "/api/v1/status", null).filter(r -> r.statusCode() == 200)
        .map(r -> JsonMapper.shared().readTree(r.body()));
  }

  boolean acting() {
    return status().map(s -> s.path("acting").asBoolean()).orElse(false);
  }

  String state() {
    return status().map(s -> s.path("state").asString()).orElse("unreachable");
  }

  String activeNode() {
    return status().map(s -> s.path("activeNode").asString(null)).orElse(null);
  }

  /** One node's entry of the status (role, status, db, redis). */
  JsonNode node(String name) {
    JsonNode status = status().orElseThrow();
    for (JsonNode n : status.path("nodes")) {
      if (n.path("name").asString().equals(name)) {
        return n;
      }
    }
    throw new AssertionError("no node " + name + " in " + status);
  }

  List<JsonNode> history() {
    JsonNode events = send("GET", "/api/v1/history?limit=1000", null)
        .map(r -> JsonMapper.shared().readTree(r.body())).orElseThrow();
    List<JsonNode> list = new ArrayList<>();
    events.forEach(list::add);
    return list;
  }

  List<String> results() {
    List<String> results = new ArrayList<>();
    history().forEach(e -> e.path("results").forEach(r -> results.add(r.asString())));
    return results;
  }

  /** The newest history event's sequence number (0 when none): marks where a scenario begins. */
  long lastSequence() {
    return history().stream().mapToLong(e -> e.path("sequence").asLong()).max().orElse(0);
  }

  /** The events recorded after {@code sequence}: what a scenario itself caused. */
  List<JsonNode> historyAfter(long sequence) {
    return history().stream().filter(e -> e.path("sequence").asLong() > sequence).toList();
  }

  List<String> resultsAfter(long sequence) {
    List<String> results = new ArrayList<>();
    historyAfter(sequence).forEach(e -> e.path("results").forEach(r -> results.add(r.asString())));
    return results;
  }

  HttpResponse<String> switchover(String to) {
    return send("POST", "/api/v1/switchover", "{\"to\":\"" + to + "\"}").orElseThrow();
  }

  private Optional<HttpResponse<String>> send(String method, String path, String json) {
    String token = OpsToken.mint(jwtSecret, "e2e", Instant.now(), Duration.ofMinutes(5));
    HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        .build();
    try {
      return Optional.of(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
