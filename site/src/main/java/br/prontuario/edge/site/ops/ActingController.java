package br.prontuario.edge.site.ops;

import br.prontuario.edge.site.http.HttpReply;
import br.prontuario.edge.site.http.PlainHttp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which of the failover-controller replicas (one per box) to talk to: the one whose
 * {@code /api/v1/status} says it acts (holds the lease: only it carries out a switchover, and only
 * its history holds what was done); else the first that answers at all (a follower still shows the
 * cluster); else none. Asked again before each use, since the lease moves when a box is lost.
 */
public final class ActingController {

  static final String STATUS = "/api/v1/status";
  private static final JsonMapper JSON = JsonMapper.shared();

  private final List<String> urls;
  private final String jwtSecret;
  private final Clock clock;
  private final PlainHttp http;
  private final Duration timeout;

  /**
   * @param timeout per replica: a frozen box must not hold the caller up for long
   */
  public ActingController(List<String> urls, String jwtSecret, Clock clock, Duration timeout) {
    this.urls = List.copyOf(urls);
    this.jwtSecret = jwtSecret;
    this.clock = clock;
    this.http = new PlainHttp(timeout);
    this.timeout = timeout;
  }

  /** The acting replica's URL, else the first answering one's; empty when none answers. */
  public Optional<String> find() {
    String firstAnswering = null;
    for (String url : urls) {
      Optional<Boolean> acting = acting(url);
      if (acting.orElse(false)) {
        return Optional.of(url);
      }
      if (acting.isPresent() && firstAnswering == null) {
        firstAnswering = url;
      }
    }
    return Optional.ofNullable(firstAnswering);
  }

  /** Whether the replica at {@code url} says it acts; empty when it does not answer with a status. */
  private Optional<Boolean> acting(String url) {
    String token = OpsToken.mint(jwtSecret, "edgectl", clock.instant(), Duration.ofMinutes(5));
    HttpReply reply = http.send("GET", strip(url) + STATUS, "", Map.of("Authorization", "Bearer " + token,
        "Accept", "application/json"), timeout);
    if (!(reply instanceof HttpReply.Answered answered) || !answered.ok()) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readTree(answered.body()).path("acting").asBoolean(false));
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
