package br.prontuario.edge.localcluster.etcd;

import br.prontuario.edge.localcluster.cluster.ClusterLayout;
import br.prontuario.edge.localcluster.config.ConfigFiles;
import br.prontuario.edge.localcluster.config.EtcdSettings;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.process.Binaries;
import br.prontuario.edge.localcluster.process.ManagedProcess;
import br.prontuario.edge.localcluster.process.Pause;
import br.prontuario.edge.site.http.HttpReply;
import br.prontuario.edge.site.http.PlainHttp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Launches one etcd member of the three (node-a, node-b, witness) from its config file. */
public final class EtcdMember {

  private static final PlainHttp HTTP = new PlainHttp(Duration.ofSeconds(2));

  private EtcdMember() {}

  /** Writes {@code dir/etcd.conf.yml} and starts the member detached; logs to {@code dir/etcd.log}. */
  public static ManagedProcess start(NodeName node, ClusterLayout layout, EtcdSettings settings, Path dir) {
    Path binary = Binaries.require("etcd", "etcd-server", "etcd");
    Path config = dir.resolve("etcd.conf.yml");
    ConfigFiles.writeYaml(config, "etcd member " + node.id() + " (written by edgectl; edit config/edge-cluster.yaml instead)",
        EtcdConfig.member(node, layout, settings, dir.resolve("data").toString()));
    return ManagedProcess.startDetached("etcd-" + node.id(),
        List.of(binary.toString(), "--config-file", config.toString()), dir, dir.resolve("etcd.log"),
        Map.of());
  }

  /** Waits until the member answers /health with {@code "health":"true"} (it has a quorum). */
  public static void awaitHealthy(String clientUrl, ManagedProcess process, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      if (process != null && !process.isAlive()) {
        throw new IllegalStateException(process.name() + " exited; log " + process.log() + ":\n" + process.tail());
      }
      last = health(clientUrl);
      if (last.contains("\"health\":\"true\"")) {
        return;
      }
      Pause.millis(200);
    }
    throw new IllegalStateException("etcd at " + clientUrl + " not healthy within " + timeout + ": " + last);
  }

  /** The raw /health answer, or a short reason it could not be read. */
  public static String health(String clientUrl) {
    HttpReply reply = HTTP.get(clientUrl + "/health");
    return reply instanceof HttpReply.Answered answered ? answered.body()
        : "unreachable: " + ((HttpReply.NoAnswer) reply).reason();
  }
}
