package br.prontuario.edge.site.patroni;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import br.prontuario.edge.site.tls.ClientTls;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Patroni 3.0's REST API, the one client of it: {@code /patroni} (a node about itself),
 * {@code /cluster} (the DCS view), {@code /switchover}, {@code /failover} and {@code PATCH /config}
 * (removing {@code standby_cluster} promotes a standby cluster). Unreachable or unparsable answers
 * to a read are empty results; Patroni's answer to a request is a {@link PatroniReply}.
 */
public final class PatroniClient {

  /** Patroni answers a switchover only after polling the DCS for up to ~20 s. */
  private static final Duration SWITCHOVER_TIMEOUT = Duration.ofSeconds(40);

  static final JsonMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

  private final Http10Exchange http;
  private final Duration timeout;
  private final PatroniCredentials credentials;

  /** A client for a Patroni without REST authentication (or for reads only). */
  public PatroniClient(Duration timeout) {
    this(timeout, PatroniCredentials.NONE);
  }

  /** {@code credentials} go with every unsafe request (switchover, failover, config). */
  public PatroniClient(Duration timeout, PatroniCredentials credentials) {
    this(timeout, credentials, null);
  }

  /**
   * For a Patroni whose REST API speaks TLS ({@code https://} URLs) with a certificate from
   * {@code caCertificate}, the only CA trusted; null = the JDK's trust store.
   */
  public PatroniClient(Duration timeout, PatroniCredentials credentials, Path caCertificate) {
    this.http = new Http10Exchange(
        caCertificate == null ? null : ClientTls.trustingOnly(caCertificate).getSocketFactory(), timeout);
    this.timeout = timeout;
    this.credentials = credentials;
  }

  /** One member as {@code GET /cluster} lists it; {@code lag} is bytes behind, "unknown", or absent. */
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

  /** {@code GET /cluster}: the members as the DCS lists them. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ClusterView(List<Member> members) {

    public ClusterView {
      members = members == null ? List.of() : List.copyOf(members);
    }

    /** Parses a {@code /cluster} answer. */
    public static ClusterView parse(String json) {
      return JSON.readValue(json, ClusterView.class);
    }

    public Optional<Member> member(String name) {
      return members.stream().filter(m -> name.equals(m.name())).findFirst();
    }

    public Optional<Member> leader() {
      return members.stream().filter(Member::isLeader).findFirst();
    }

    public Optional<Member> syncStandby() {
      return members.stream().filter(Member::isSyncStandby).findFirst();
    }
  }

  /**
   * {@code GET /patroni}: what one node's Patroni says about its own PostgreSQL;
   * {@code serverVersion} is PostgreSQL's {@code server_version_num} (150014 for 15.14), absent
   * while it is not running.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record NodeStatus(String state, String role, long timeline,
      @JsonProperty("server_version") Integer serverVersion) {

    public boolean running() {
      return "running".equals(state);
    }
  }

  /** {@code GET /patroni}; a 503 with a body (PostgreSQL not running) is still a status. */
  public Optional<NodeStatus> node(String apiUrl) {
    return get(apiUrl + "/patroni").flatMap(body -> parse(body, NodeStatus.class));
  }

  /** {@code GET /primary} answers 200: this node holds the leader key and runs as primary. */
  public boolean answersPrimary(String apiUrl) {
    return primaryStatus(apiUrl).filter(status -> status == 200).isPresent();
  }

  /**
   * {@code GET /primary}'s status, or empty when Patroni gave no answer at all (refused, frozen,
   * timed out): "not the leader" and "could not tell" are different findings.
   */
  public Optional<Integer> primaryStatus(String apiUrl) {
    try {
      return Optional.of(http.exchange("GET", URI.create(apiUrl + "/primary"), null, null, timeout).status());
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** {@code GET /cluster}, or empty when this node's Patroni does not answer. */
  public Optional<ClusterView> cluster(String apiUrl) {
    return get(apiUrl + "/cluster").flatMap(body -> parse(body, ClusterView.class));
  }

  /** Moves the leader to {@code candidate}; Patroni itself refuses a candidate that is not in sync. */
  public PatroniReply switchover(String apiUrl, String leader, String candidate) {
    return send("POST", apiUrl + "/switchover", Map.of("leader", leader, "candidate", candidate),
        SWITCHOVER_TIMEOUT);
  }

  /**
   * {@code POST /reload}: Patroni re-reads its configuration, reloads PostgreSQL (which loads new
   * TLS files) and serves its REST API with a new certificate if the file's serial changed.
   * Patroni answers 202 and does it within its next loop.
   */
  public PatroniReply reload(String apiUrl) {
    return send("POST", apiUrl + "/reload", Map.of(), timeout);
  }

  /** Promotes {@code candidate} without a healthy leader; for operators, never automatic. */
  public PatroniReply failover(String apiUrl, String candidate) {
    return send("POST", apiUrl + "/failover", Map.of("candidate", candidate), SWITCHOVER_TIMEOUT);
  }

  /**
   * {@code PATCH /config {"standby_cluster": null}} on a standby cluster's member: Patroni then
   * promotes it (the cloud's activation).
   */
  public PatroniReply removeStandbyCluster(String apiUrl) {
    Map<String, Object> body = new HashMap<>();
    body.put("standby_cluster", null);
    return send("PATCH", apiUrl + "/config", body, timeout);
  }

  private <T> Optional<T> parse(String body, Class<T> type) {
    try {
      return Optional.of(JSON.readValue(body, type));
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }

  private Optional<String> get(String url) {
    try {
      Http10Exchange.Answer answer = http.exchange("GET", URI.create(url), null, null, timeout);
      return answer.body().isBlank() ? Optional.empty() : Optional.of(answer.body());
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private PatroniReply send(String method, String url, Map<String, ?> body, Duration patience) {
    try {
      String json = JSON.writeValueAsString(body);
      Http10Exchange.Answer answer = http.exchange(method, URI.create(url), json,
          credentials.present() ? credentials.basicAuthorization() : null, patience);
      if (answer.status() == 401 && credentials.previous().isPresent()) {
        // this member has not taken the rotated password yet
        answer = http.exchange(method, URI.create(url), json,
            credentials.previous().get().basicAuthorization(), patience);
      }
      return new PatroniReply(answer.status() == 200, answer.status(), answer.body());
    } catch (IOException e) {
      return PatroniReply.unreachable(e.getClass().getSimpleName() + " " + e.getMessage());
    }
  }
}
