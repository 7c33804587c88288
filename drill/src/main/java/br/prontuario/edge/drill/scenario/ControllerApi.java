package br.prontuario.edge.drill.scenario;

import br.prontuario.edge.drill.measure.ControllerEvent;
import br.prontuario.edge.drill.measure.ControllerEvent.Phase;
import br.prontuario.edge.drill.measure.RunMeasurement;
import br.prontuario.edge.site.ops.ActingController;
import br.prontuario.edge.site.ops.OpsToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The failover controller's REST API as the drill uses it, with an it-ops token. */
public final class ControllerApi {

  static final String STATUS = "/api/v1/status";
  static final String HISTORY = "/api/v1/history?limit=200";
  static final String SWITCHOVER = "/api/v1/switchover";
  static final String DRILL_RESULTS = "/api/v1/drills/results";
  /** The restore drill's name on the results API; the failover drills are {@link Scenario}s. */
  static final String RESTORE_SCENARIO = "restore";

  private static final JsonMapper JSON = JsonMapper.shared();

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
  private final List<URI> every;
  private final String jwtSecret;
  private final Clock clock;
  private final ActingController replicas;

  public ControllerApi(URI base, String jwtSecret, Clock clock) {
    this(List.of(base), jwtSecret, clock);
  }

  /**
   * One replica per box: each call goes to the acting one, looked up again every time, since the
   * lease moves when the drill kills a box (a follower's history holds no action).
   */
  public ControllerApi(List<URI> replicas, String jwtSecret, Clock clock) {
    this.every = List.copyOf(replicas);
    this.jwtSecret = jwtSecret;
    this.clock = clock;
    this.replicas = replicas.size() < 2 ? null : new ActingController(
        replicas.stream().map(URI::toString).toList(), jwtSecret, clock, Duration.ofSeconds(2));
  }

  /** The controller {@code cluster.json} names, when it names one and the secret to call it. */
  public static Optional<ControllerApi> of(ClusterFile cluster, Clock clock) {
    return Optional.of(cluster.controllerUrls())
        .filter(urls -> !urls.isEmpty() && cluster.jwtSecret() != null)
        .map(urls -> new ControllerApi(urls, cluster.jwtSecret(), clock));
  }

  private URI base() {
    return replicas == null ? every.get(0) : replicas.find().map(URI::create).orElse(every.get(0));
  }

  /** The controller's state and active node; empty if it does not answer. */
  public Optional<JsonNode> status() {
    return get(STATUS);
  }

  public Optional<String> activeNode() {
    return status().map(s -> s.path("activeNode").asString(null));
  }

  /** Decisions taken since {@code since}, classified into drill phases. */
  public List<ControllerEvent> eventsSince(Instant since) {
    JsonNode body = get(HISTORY).orElse(null);
    if (body == null) {
      return List.of();
    }
    JsonNode items = body.isArray() ? body : body.path("events");
    List<ControllerEvent> events = new ArrayList<>();
    for (JsonNode e : items.values()) {
      events.addAll(HistoryPhases.of(e));
    }
    return events.stream().filter(e -> !e.at().isBefore(since)).toList();
  }

  /** Asks for a switchover; returns null on success, else the controller's answer. */
  public String switchover(String toNode) {
    return post(base(), SWITCHOVER, Map.of("to", toNode));
  }

  /** Reports a run so the controller exports it; returns null on success, else why not. */
  public String postResult(RunMeasurement run) {
    return post(base(), DRILL_RESULTS, result(run.scenario(), run.rtoSeconds(), run.lostAcknowledgedWrites(),
        run.duplicatedWrites(), run.rpoSeconds(), run.passed()));
  }

  /**
   * Reports a restore drill run to <em>every</em> replica, not only the acting one: each keeps it
   * for its {@code last_restore_drill_*} series and its console's overdue alert, so a move of the
   * lease within the next 35 days does not make the drill look overdue. Null when every replica
   * took it, else which did not and why.
   *
   * @param missingNotes notes acknowledged before the mark that the restore lacks
   * @param archiveLag the mark to its WAL file archived: the backups' RPO, sent as {@code rpoSeconds}
   * @param restoreTime the backup copied plus WAL replayed to the mark
   */
  public String postRestoreRun(boolean passed, int missingNotes, Duration archiveLag, Duration restoreTime) {
    Map<String, Object> body = result(RESTORE_SCENARIO, null, missingNotes, null, archiveLag.toMillis() / 1000.0,
        passed);
    body.put("restoreSeconds", restoreTime.toMillis() / 1000.0);
    List<String> problems = new ArrayList<>();
    for (URI replica : every) {
      String problem = post(replica, DRILL_RESULTS, body);
      if (problem != null) {
        problems.add(replica + ": " + problem);
      }
    }
    return problems.isEmpty() ? null : String.join("; ", problems);
  }

  private Map<String, Object> result(String scenario, Double rtoSeconds, int lost, Integer duplicated,
      double rpoSeconds, boolean passed) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("scenario", scenario);
    body.put("rtoSeconds", rtoSeconds);
    body.put("lostAcknowledgedWrites", lost);
    body.put("duplicatedWrites", duplicated);
    body.put("rpoSeconds", rpoSeconds);
    body.put("passed", passed);
    body.put("finishedAt", clock.instant().toString());
    return body;
  }

  private Optional<JsonNode> get(String path) {
    try {
      HttpResponse<String> r = http.send(request(base(), path).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? Optional.of(JSON.readTree(r.body())) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private String post(URI replica, String path, Object body) {
    try {
      HttpResponse<String> r = http.send(request(replica, path)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
          HttpResponse.BodyHandlers.ofString());
      return r.statusCode() / 100 == 2 ? null : "HTTP " + r.statusCode() + " " + r.body();
    } catch (IOException e) {
      return "controller unreachable: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private HttpRequest.Builder request(URI replica, String path) {
    return HttpRequest.newBuilder(replica.resolve(path))
        .timeout(Duration.ofSeconds(10))
        .header("Accept", "application/json")
        .header("Authorization", "Bearer "
            + OpsToken.mint(jwtSecret, "edgectl-drill", clock.instant(), Duration.ofMinutes(5)));
  }

  /** Maps one decision-history entry to the drill's phases. */
  static final class HistoryPhases {

    private static final java.util.regex.Pattern ACTIVATE_CLOUD =
        java.util.regex.Pattern.compile("(?<!de)activatecloud");

    private HistoryPhases() {}

    static List<ControllerEvent> of(JsonNode e) {
      List<ControllerEvent> phases = new ArrayList<>();
      Instant decided = instant(e, "decidedAt");
      Instant completed = Optional.ofNullable(instant(e, "completedAt")).orElse(decided);
      if (decided == null) {
        return phases;
      }
      String from = e.path("from").asString("");
      String to = e.path("to").asString("");
      // actions as the controller's history describes them ("RouteTo node-b", "Switchover a -> b"),
      // matched loosely so a change of spelling does not silently drop a phase
      String actions = e.path("actions").toString().toLowerCase(java.util.Locale.ROOT)
          .replace("-", "").replace("_", "");
      String detail = e.path("trigger").asString("") + " " + from + "→" + to;
      if (!from.equals(to) && (to.equals("DEGRADED") || to.equals("FAILOVER")
          || to.equals("EMERGENCY_CLOUD"))) {
        phases.add(new ControllerEvent(decided, Phase.DETECTION, detail.strip()));
      }
      // a replica without the lease records what it would do; only what was done is a phase
      if (e.path("results").toString().contains("observed only")) {
        return phases;
      }
      // activating the cloud promotes its standby, then routes clinicians to it
      boolean activatesCloud = ACTIVATE_CLOUD.matcher(actions).find();
      if (actions.contains("switchover") || activatesCloud) {
        phases.add(new ControllerEvent(completed, Phase.PROMOTION, actions));
      }
      if (actions.contains("routeto") || activatesCloud || actions.contains("deactivatecloud")) {
        phases.add(new ControllerEvent(completed, Phase.REROUTING, actions));
      }
      return phases;
    }

    private static Instant instant(JsonNode e, String field) {
      String text = e.path(field).asString(null);
      return text == null ? null : Instant.parse(text);
    }
  }
}
