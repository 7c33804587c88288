package br.prontuario.edge.localcluster.haproxy;

import br.prontuario.edge.localcluster.cluster.ClusterLayout;
import br.prontuario.edge.localcluster.config.ConfigFiles;
import br.prontuario.edge.localcluster.config.HaproxySettings;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.process.Binaries;
import br.prontuario.edge.localcluster.process.DetachedLaunch;
import br.prontuario.edge.localcluster.process.ManagedProcess;
import br.prontuario.edge.localcluster.tls.ClusterCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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

  /** Where the local cloud site's app is, once it started: one line, host:port. */
  static final String CLOUD_ADDRESS_FILE = "cloud-backup";

  /**
   * Kept beside the config by the cloud site's start, which points the running HAProxies at the
   * cloud through their runtime API: a HAProxy restarted later (a killed box brought back) renders
   * it into its cloud slot instead of the placeholder, so an emergency after that still reaches
   * the cloud (a witness-loss drill followed by dual-failure-cloud found it pointing nowhere).
   */
  public static void recordCloudAddress(Path dir, String host, int port) {
    ConfigFiles.writeText(dir.resolve(CLOUD_ADDRESS_FILE), host + ":" + port + "\n");
  }

  public static ManagedProcess start(ClusterLayout layout, NodeName host, HaproxySettings configured,
      ClusterCertificates.TlsFiles tls, Path dir, DetachedLaunch launch) {
    Path binary = Binaries.require("haproxy", "haproxy", "haproxy");
    Path config = dir.resolve("haproxy.cfg");
    HaproxySettings settings = withRecordedCloud(configured, dir);
    ConfigFiles.writeText(config, HaproxyConfig.render(layout, host, settings, HaproxyConfig.Site.LOCAL,
        new HaproxyConfig.Tls(tls.serverPem().toString(), tls.caCertificate().toString())));
    ManagedProcess process = launch.start("haproxy",
        List.of(binary.toString(), "-db", "-f", config.toString()), dir, dir.resolve("haproxy.log"),
        Map.of());
    var entry = layout.entry(host);
    process.awaitPort(entry.entryPort(), Duration.ofSeconds(20));
    process.awaitPort(entry.redirectPort(), Duration.ofSeconds(5));
    process.awaitPort(entry.runtimeApiPort(), Duration.ofSeconds(5));
    return process;
  }

  /** The configured cloud address wins; else the one the cloud site recorded; else none. */
  static HaproxySettings withRecordedCloud(HaproxySettings settings, Path dir) {
    Path recorded = dir.resolve(CLOUD_ADDRESS_FILE);
    if (!settings.cloudBackup().isEmpty() || !Files.isRegularFile(recorded)) {
      return settings;
    }
    try {
      return settings.withCloudBackup(Files.readString(recorded).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + recorded, e);
    }
  }
}
