package br.prontuario.edge.cloud.failover;

import br.prontuario.edge.localcluster.process.Binaries;
import br.prontuario.edge.localcluster.process.FreePorts;
import br.prontuario.edge.localcluster.process.ManagedProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The clinicians' entry point as the local cluster configures it (backend {@code edge_nodes}, the
 * cloud as a {@code backup} server that starts in maintenance and is health-checked on
 * {@code /health/ready}, runtime API on), with one edge server whose node is gone.
 */
final class EntryHaproxy implements AutoCloseable {

  final int entryPort = FreePorts.next();
  final int runtimePort = FreePorts.next();
  private final ManagedProcess process;

  EntryHaproxy(Path dir, int deadEdgePort) throws IOException {
    Files.createDirectories(dir);
    Path config = dir.resolve("haproxy.cfg");
    Files.writeString(config, String.join("\n",
        "global",
        "  stats socket ipv4@127.0.0.1:" + runtimePort + " level admin",
        "defaults",
        "  mode http",
        "  timeout connect 2s",
        "  timeout client 30s",
        "  timeout server 30s",
        "  timeout check 2s",
        "  retries 3",
        "  option redispatch 1",
        "frontend edge",
        "  bind 127.0.0.1:" + entryPort,
        "  default_backend edge_nodes",
        "backend edge_nodes",
        "  option httpchk GET /health/ready",
        "  http-check expect status 200",
        "  default-server inter 1s fall 1 rise 1",
        "  server node-a 127.0.0.1:" + deadEdgePort + " check",
        "  server cloud 127.0.0.1:9 backup disabled check",
        ""));
    process = ManagedProcess.start("entry-haproxy", List.of(
        Binaries.require("haproxy", "haproxy", "haproxy").toString(), "-db", "-f",
        config.toString()), dir, dir.resolve("haproxy.log"), Map.of());
    process.awaitPort(entryPort, Duration.ofSeconds(15));
  }

  String runtimeApi() {
    return "127.0.0.1:" + runtimePort;
  }

  @Override
  public void close() {
    process.stop(Duration.ofSeconds(5));
  }
}
