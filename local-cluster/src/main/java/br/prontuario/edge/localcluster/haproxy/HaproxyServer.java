package br.prontuario.edge.localcluster.haproxy;

import br.prontuario.edge.localcluster.cluster.ClusterLayout;
import br.prontuario.edge.localcluster.config.ConfigFiles;
import br.prontuario.edge.localcluster.config.HaproxySettings;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.process.Binaries;
import br.prontuario.edge.localcluster.process.ManagedProcess;
import br.prontuario.edge.localcluster.tls.ClusterCertificates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Launches the HAProxy of one box in the foreground ({@code -db}) from {@code dir/haproxy.cfg}, logging to its log
 * file, terminating TLS with the cluster's own certificate ({@code DIR/tls/server.pem}).
 */
public final class HaproxyServer {

  private HaproxyServer() {}

  public static ManagedProcess start(ClusterLayout layout, NodeName host, HaproxySettings settings,
      ClusterCertificates.TlsFiles tls, Path dir) {
    Path binary = Binaries.require("haproxy", "haproxy", "haproxy");
    Path config = dir.resolve("haproxy.cfg");
    ConfigFiles.writeText(config, HaproxyConfig.render(layout, host, settings, HaproxyConfig.Site.LOCAL,
        new HaproxyConfig.Tls(tls.serverPem().toString(), tls.caCertificate().toString())));
    ManagedProcess process = ManagedProcess.startDetached("haproxy",
        List.of(binary.toString(), "-db", "-f", config.toString()), dir, dir.resolve("haproxy.log"),
        Map.of());
    var entry = layout.entry(host);
    process.awaitPort(entry.entryPort(), Duration.ofSeconds(20));
    process.awaitPort(entry.redirectPort(), Duration.ofSeconds(5));
    process.awaitPort(entry.runtimeApiPort(), Duration.ofSeconds(5));
    return process;
  }
}
