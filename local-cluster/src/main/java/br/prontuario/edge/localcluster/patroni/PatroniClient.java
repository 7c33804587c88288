package br.prontuario.edge.localcluster.patroni;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Patroni's REST API on one node: the cluster view, and a planned switchover. */
public final class PatroniClient {

  private static final JsonMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final String baseUrl;

  public PatroniClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** One member as {@code GET /cluster} lists it; {@code lag} is bytes behind, or null. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Member(String name, String role, String state, String host, Integer port,
      Integer timeline, Object lag) {

    public boolean isLeader() {
      return "leader".equals(role);
    }

    public boolean isSyncStandby() {
      return "sync_standby".equals(role);
    }

    /** Bytes of WAL this replica is behind; 0 for the leader, null when Patroni does not know. */
    public Long lagBytes() {
      if (isLeader()) {
        return 0L;
      }
      return lag instanceof Number n ? n.longValue() : null;
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ClusterView(List<Member> members) {

    public Optional<Member> member(String name) {
      return members == null ? Optional.empty()
          : members.stream().filter(m -> name.equals(m.name())).findFirst();
    }

    public Optional<Member> leader() {
      return members == null ? Optional.empty() : members.stream().filter(Member::isLeader).findFirst();
    }

    public Optional<Member> syncStandby() {
      return members == null ? Optional.empty()
          : members.stream().filter(Member::isSyncStandby).findFirst();
    }
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** {@code GET /cluster}, or empty when this node's Patroni does not answer. */
  public Optional<ClusterView> cluster() {
    return get("/cluster").map(body -> JSON.readValue(body, ClusterView.class));
  }

  /** {@code GET /patroni}: this node's own view (state, role, timeline), as raw JSON. */
  public Optional<String> self() {
    return get("/patroni");
  }

  /**
   * {@code POST /switchover} on the leader's API: a planned move of the leader role to the
   * candidate. Returns Patroni's answer; status 200 means the switchover happened.
   */
  public HttpResponse<String> switchover(String leader, String candidate) {
    String body = "{\"leader\":\"" + leader + "\",\"candidate\":\"" + candidate + "\"}";
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/switchover"))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("switchover request to " + baseUrl + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private Optional<String> get(String path) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(2)).build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return response.body().isBlank() ? Optional.empty() : Optional.of(response.body());
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
