package br.prontuario.edge.localcluster.etcd;

import br.prontuario.edge.localcluster.cluster.ClusterLayout;
import br.prontuario.edge.localcluster.config.ConfigFiles;
import br.prontuario.edge.localcluster.config.EtcdSettings;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.process.Binaries;
import br.prontuario.edge.localcluster.process.DetachedLaunch;
import br.prontuario.edge.localcluster.process.ManagedProcess;
import br.prontuario.edge.localcluster.process.Pause;
import br.prontuario.edge.localcluster.tls.ClusterCertificates;
import br.prontuario.edge.site.http.HttpReply;
import br.prontuario.edge.site.http.PlainHttp;
import br.prontuario.edge.site.tls.ClientTls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Launches one etcd member of the three (node-a, node-b, witness) from its config file. */
public final class EtcdMember {

  private static final Duration PATIENCE = Duration.ofSeconds(2);
  private static final Pattern CLEAR_TEXT_PEERS =
      Pattern.compile("(?m)^listen-peer-urls:\\s*[\"']?http://");

  private EtcdMember() {}

  /** Writes {@code dir/etcd.conf.yml} and starts the member detached; logs to {@code dir/etcd.log}. */
  public static ManagedProcess start(NodeName node, ClusterLayout layout, EtcdSettings settings,
      ClusterCertificates.TlsFiles tls, Path dir, DetachedLaunch launch) {
    Path binary = Binaries.require("etcd", "etcd-server", "etcd");
    Path config = dir.resolve("etcd.conf.yml");
    refuseClearTextMembership(config, dir.resolve("data"));
    var member = tls.etcdMember();
    ConfigFiles.writeYaml(config, "etcd member " + node.id() + " (written by edgectl; edit config/edge-cluster.yaml instead)",
        EtcdConfig.member(node, layout, settings, dir.resolve("data").toString(), new EtcdConfig.Tls(
            member.certificate().toString(), member.key().toString(), tls.caCertificate().toString())));
    return launch.start("etcd-" + node.id(),
        List.of(binary.toString(), "--config-file", config.toString()), dir, dir.resolve("etcd.log"),
        Map.of());
  }

  /**
   * A member created before etcd took only TLS keeps its http:// peer address in its data (the
   * config file's is only read on the first start): started with TLS it could never reach its
   * peers again. Say so at once instead of timing out on quorum.
   */
  private static void refuseClearTextMembership(Path config, Path data) {
    try {
      if (Files.isDirectory(data) && Files.isRegularFile(config)
          && CLEAR_TEXT_PEERS.matcher(Files.readString(config)).find()) {
        throw new IllegalStateException("the etcd member in " + data.getParent() + " was created without TLS and"
            + " cannot join a TLS cluster; recreate the cluster folder (edgectl down, delete it, edgectl up)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + config, e);
    }
  }

  /**
   * The client for {@link #health}: {@code tls} is the certificate an https member asks for, null
   * for a plain one. Build it once and keep it (it reads the key files and holds a connection pool).
   */
  public static PlainHttp client(ClientTls tls) {
    return new PlainHttp(PATIENCE, tls);
  }

  /** Waits until the member answers /health with {@code "health":"true"} (it has a quorum). */
  public static void awaitHealthy(String clientUrl, PlainHttp http, ManagedProcess process, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      if (process != null && !process.isAlive()) {
        throw new IllegalStateException(process.name() + " exited; log " + process.log() + ":\n" + process.tail());
      }
      last = health(http, clientUrl);
      if (last.contains("\"health\":\"true\"")) {
        return;
      }
      Pause.millis(200);
    }
    throw new IllegalStateException("etcd at " + clientUrl + " not healthy within " + timeout + ": " + last);
  }

  /** The raw /health answer, or a short reason it could not be read. */
  public static String health(PlainHttp http, String clientUrl) {
    HttpReply reply = http.get(clientUrl + "/health");
    return reply instanceof HttpReply.Answered answered ? answered.body()
        : "unreachable: " + ((HttpReply.NoAnswer) reply).reason();
  }
}
