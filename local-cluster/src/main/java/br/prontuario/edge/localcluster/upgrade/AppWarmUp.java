package br.prontuario.edge.localcluster.upgrade;

import br.prontuario.edge.localcluster.process.Pause;
import br.prontuario.edge.site.http.HttpReply;
import br.prontuario.edge.site.http.PlainHttp;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clinicians' reads against a freshly started edge-node before the switchover sends it their
 * traffic: a cold JVM answered its first writes after a switchover in 3 s (the drill's client
 * gives up at 2 s), and running the same code paths first lets the JIT compile them. Reads only:
 * a warm-up never writes a clinical record. Uses the local cluster's demo user.
 */
final class AppWarmUp {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration PATIENCE = Duration.ofSeconds(10);
  static final int ROUNDS = 150;
  // the search takes a prefix of two letters or more; common first names' beginnings
  private static final String[] PREFIXES = {"ma", "an", "jo", "pa", "ca", "lu", "fe", "ra", "be",
      "ju", "gi", "ro"};

  private final PlainHttp http = new PlainHttp(PATIENCE);
  private final String appUrl;
  private final String username;
  private final String password;

  AppWarmUp(String appUrl, String username, String password) {
    this.appUrl = appUrl;
    this.username = username;
    this.password = password;
  }

  /**
   * {@value #ROUNDS} rounds of reads spread over {@code length} (each read is audited: a bounded
   * number, not as many as the node can answer); returns how many were answered 200.
   */
  int run(Duration length) {
    Optional<String> token = login();
    if (token.isEmpty()) {
      return 0;
    }
    Map<String, String> auth = Map.of("Authorization", "Bearer " + token.get());
    long start = System.nanoTime();
    long pace = length.toNanos() / ROUNDS;
    int answered = 0;
    for (int round = 0; round < ROUNDS; round++) {
      Pause.millis(Math.max(0, (start + round * pace - System.nanoTime()) / 1_000_000));
      JsonNode found = get("/api/v1/patients?limit=20&name=" + PREFIXES[round % PREFIXES.length], auth);
      answered += found == null ? 0 : 1;
      String patient = firstPatientId(found);
      if (patient != null) {
        answered += get("/api/v1/patients/" + patient, auth) == null ? 0 : 1;
        answered += get("/api/v1/patients/" + patient + "/notes?limit=20", auth) == null ? 0 : 1;
      }
    }
    return answered;
  }

  private Optional<String> login() {
    String body = JSON.writeValueAsString(Map.of("username", username, "password", password));
    HttpReply reply = http.send("POST", appUrl + "/api/v1/auth/login", body, Map.of(), PATIENCE);
    if (reply instanceof HttpReply.Answered answered && answered.status() == 200) {
      return Optional.ofNullable(JSON.readTree(answered.body()).path("accessToken").asString(null));
    }
    return Optional.empty();
  }

  private JsonNode get(String path, Map<String, String> auth) {
    HttpReply reply = http.send("GET", appUrl + path, "", auth, PATIENCE);
    if (reply instanceof HttpReply.Answered answered && answered.status() == 200) {
      return JSON.readTree(answered.body());
    }
    return null;
  }

  private static String firstPatientId(JsonNode found) {
    if (found == null) {
      return null;
    }
    JsonNode items = found.isArray() ? found : found.path("items");
    return items.isArray() && !items.isEmpty() ? items.get(0).path("id").asString(null) : null;
  }
}
