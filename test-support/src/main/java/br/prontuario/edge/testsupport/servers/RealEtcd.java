package br.prontuario.edge.testsupport.servers;

import br.prontuario.edge.localcluster.process.Binaries;
import br.prontuario.edge.localcluster.process.FreePorts;
import br.prontuario.edge.localcluster.process.ManagedProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A real single-member etcd on free loopback ports, for the election tests. */
public final class RealEtcd implements AutoCloseable {

  private final ManagedProcess process;
  private final String endpoint;

  private RealEtcd(ManagedProcess process, String endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  public static RealEtcd start(Path dir) {
    int client = FreePorts.next();
    int peer = FreePorts.next();
    String endpoint = "http://127.0.0.1:" + client;
    String peerUrl = "http://127.0.0.1:" + peer;
    Path binary = Binaries.require("etcd", "etcd-server", "etcd");
    ManagedProcess process = ManagedProcess.start("etcd", List.of(binary.toString(), "--name", "test",
        "--data-dir", dir.resolve("etcd-data").toString(),
        "--listen-client-urls", endpoint, "--advertise-client-urls", endpoint,
        "--listen-peer-urls", peerUrl, "--initial-advertise-peer-urls", peerUrl,
        "--initial-cluster", "test=" + peerUrl), dir, dir.resolve("etcd.log"), Map.of());
    process.awaitPort(client, Duration.ofSeconds(30));
    return new RealEtcd(process, endpoint);
  }

  public String endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    process.stop(Duration.ofSeconds(5));
  }
}
