package br.prontuario.edge.controller.console;

import br.prontuario.edge.site.haproxy.HaproxyRuntimeApi;
import br.prontuario.edge.site.http.HttpReply;
import br.prontuario.edge.site.http.PlainHttp;
import br.prontuario.edge.site.tls.ClientTls;
import br.prontuario.edge.site.ops.OpsToken;
import br.prontuario.edge.site.patroni.PatroniClient;
import br.prontuario.edge.site.patroni.PatroniCredentials;
import br.prontuario.edge.site.resp.RespClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the console shows beyond the controller's own probe round: every entry point's HAProxy
 * servers, the witness's quorum members (etcd, Sentinel) and the cloud site. Read-only, through the
 * site's one client of each engine.
 */
final class SiteProbes {

  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  private final List<String> runtimeApis;
  private final List<String> backends;
  private final List<String> etcdEndpoints;
  private final List<String> sentinels;
  private final String cloudPatroniUrl;
  private final String cloudAppUrl;
  private final String jwtSecret;
  private final Clock clock;
  private final PlainHttp http = new PlainHttp(TIMEOUT);
  /** etcd's /health asks for the controller's client certificate. */
  private final PlainHttp etcdHttp;
  /** The local cloud site's Patroni speaks TLS with a certificate from the cluster CA. */
  private final PatroniClient patroni;
  private final RespClient resp = new RespClient(TIMEOUT);

  SiteProbes(List<String> runtimeApis, List<String> backends, List<String> etcdEndpoints, ClientTls etcdTls,
      List<String> sentinels, String cloudPatroniUrl, Path patroniCa, String cloudAppUrl, String jwtSecret,
      Clock clock) {
    this.patroni = new PatroniClient(TIMEOUT, PatroniCredentials.NONE, patroniCa);
    this.etcdHttp = new PlainHttp(TIMEOUT, etcdTls);
    this.runtimeApis = List.copyOf(runtimeApis);
    this.backends = List.copyOf(backends);
    this.etcdEndpoints = List.copyOf(etcdEndpoints);
    this.sentinels = List.copyOf(sentinels);
    this.cloudPatroniUrl = cloudPatroniUrl;
    this.cloudAppUrl = cloudAppUrl;
    this.jwtSecret = jwtSecret;
    this.clock = clock;
  }

  /** @param servers server name → HAProxy's status column (UP, DOWN, MAINT, DRAIN, no check...) */
  record EntryPoint(String runtimeApi, String backend, boolean answers, Map<String, String> servers) {}

  record Member(String address, boolean answers) {}

  record Witness(List<Member> etcd, List<Member> sentinels) {}

  /**
   * @param patroniRole standby_leader while it follows the edge; primary/master once activated
   * @param delaySeconds age of the newest edge heartbeat replayed on the cloud standby (cloud-fallback)
   */
  record CloudView(boolean configured, String patroniRole, String patroniState, String database,
      Double delaySeconds) {}

  List<EntryPoint> entryPoints() {
    List<EntryPoint> entries = new ArrayList<>();
    for (String api : runtimeApis) {
      for (String backend : backends) {
        try {
          entries.add(new EntryPoint(api, backend, true, HaproxyRuntimeApi.of(api).serverStatuses(backend)));
        } catch (IOException | RuntimeException e) {
          entries.add(new EntryPoint(api, backend, false, Map.of()));
        }
      }
    }
    return entries;
  }

  Witness witness() {
    List<Member> etcd = etcdEndpoints.stream()
        .map(e -> new Member(e, etcdHttp.get(e.replaceAll("/+$", "") + "/health").ok())).toList();
    List<Member> sentinel = sentinels.stream().map(s -> new Member(s, pings(s))).toList();
    return new Witness(etcd, sentinel);
  }

  private boolean pings(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    try {
      return "PONG".equals(String.valueOf(
          resp.call(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)), "PING")));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  CloudView cloud() {
    if (cloudPatroniUrl.isBlank() && cloudAppUrl.isBlank()) {
      return new CloudView(false, "unknown", "unknown", "unknown", null);
    }
    Optional<PatroniClient.NodeStatus> member = cloudPatroniUrl.isBlank() ? Optional.empty()
        : patroni.node(cloudPatroniUrl);
    String database = "unknown";
    Double delay = null;
    if (!cloudAppUrl.isBlank()) {
      String token = OpsToken.mint(jwtSecret, "console", clock.instant(), Duration.ofMinutes(1));
      HttpReply reply = http.send("GET", cloudAppUrl.replaceAll("/+$", "") + "/api/v1/ops/replication", "",
          Map.of("Authorization", "Bearer " + token), TIMEOUT);
      if (reply instanceof HttpReply.Answered a && a.ok()) {
        JsonNode body = JsonMapper.shared().readTree(a.body());
        database = body.path("database").asString("unknown");
        delay = body.path("delaySeconds").isNumber() ? body.path("delaySeconds").asDouble() : null;
      }
    }
    return new CloudView(true, member.map(PatroniClient.NodeStatus::role).orElse("unknown"),
        member.map(PatroniClient.NodeStatus::state).orElse("no answer"), database, delay);
  }
}
