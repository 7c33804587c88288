package br.prontuario.edge.localcluster.cloud;

import br.prontuario.edge.localcluster.etcd.EtcdMember;
import br.prontuario.edge.localcluster.process.Binaries;
import br.prontuario.edge.site.http.HttpReply;
import br.prontuario.edge.site.http.PlainHttp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cloud site's own single-member etcd. When both edge nodes are down the edge etcd has lost
 * its quorum (two of three members), so the cloud's Patroni must not depend on it.
 */
final class CloudEtcd {

  private static final PlainHttp HTTP = new PlainHttp(Duration.ofSeconds(3));

  private CloudEtcd() {}

  static void start(CloudProcesses processes, CloudPorts ports) {
    Path etcd = Binaries.require("etcd", "etcd-server", "etcd");
    Path dir = processes.dir(CloudSite.ETCD);
    String peer = "http://127.0.0.1:" + ports.etcdPeer();
    String client = clientUrl(ports);
    processes.start(CloudSite.ETCD, List.of(etcd.toString(),
        "--name", "cloud", "--data-dir", dir.resolve("data").toString(),
        "--listen-client-urls", client, "--advertise-client-urls", client,
        "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer,
        "--initial-cluster", "cloud=" + peer, "--initial-cluster-state", "new",
        "--initial-cluster-token", "prontuario-cloud"), Map.of());
    awaitHealthy(client, processes, Duration.ofSeconds(30));
  }

  static String clientUrl(CloudPorts ports) {
    return "http://127.0.0.1:" + ports.etcdClient();
  }

  /** Forgets a Patroni cluster (every key under {@code /service/<scope>/}) so it bootstraps anew. */
  static void forgetScope(CloudPorts ports, String scope) {
    String key = "/service/" + scope + "/";
    String end = "/service/" + scope + "0"; // '/' + 1
    String body = JsonMapper.shared().writeValueAsString(Map.of("key", b64(key), "range_end", b64(end)));
    HttpReply reply = HTTP.send("POST", clientUrl(ports) + "/v3/kv/deleterange", body, Map.of(),
        Duration.ofSeconds(5));
    if (!reply.is(200)) {
      throw new IllegalStateException("cloud etcd refused deleterange: " + reply);
    }
  }

  private static void awaitHealthy(String client, CloudProcesses processes, Duration timeout) {
    try {
      EtcdMember.awaitHealthy(client, EtcdMember.client(null), null, timeout);
    } catch (IllegalStateException e) {
      throw new IllegalStateException(e.getMessage() + "; log " + processes.log(CloudSite.ETCD), e);
    }
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
