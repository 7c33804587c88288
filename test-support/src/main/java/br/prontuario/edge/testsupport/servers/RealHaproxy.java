package br.prontuario.edge.testsupport.servers;

import br.prontuario.edge.localcluster.process.Binaries;
import br.prontuario.edge.localcluster.process.FreePorts;
import br.prontuario.edge.localcluster.process.ManagedProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real haproxy 2.6 with the entry point's shape (backend {@code edge_nodes}: node-a, node-b and a
 * disabled {@code cloud} backup slot) and its runtime API on a free port.
 */
public final class RealHaproxy implements AutoCloseable {

  private final ManagedProcess process;
  private final int adminPort;

  private RealHaproxy(ManagedProcess process, int adminPort) {
    this.process = process;
    this.adminPort = adminPort;
  }

  public static RealHaproxy start(Path dir) {
    return start(dir, FreePorts.next());
  }

  /** On a given runtime API port: an entry HAProxy that returns after its box restarted. */
  public static RealHaproxy start(Path dir, int adminPort) {
    Path cfg = dir.resolve("haproxy.cfg");
    try {
      Files.createDirectories(dir);
      Files.writeString(cfg, String.join("\n",
          "global",
          "  stats socket ipv4@127.0.0.1:" + adminPort + " level admin",
          "defaults",
          "  mode http",
          "  timeout connect 2s",
          "  timeout client 10s",
          "  timeout server 10s",
          "frontend edge",
          "  bind 127.0.0.1:" + FreePorts.next(),
          "  default_backend edge_nodes",
          "backend edge_nodes",
          "  server node-a 127.0.0.1:" + FreePorts.next(),
          "  server node-b 127.0.0.1:" + FreePorts.next(),
          "  server cloud 127.0.0.1:9 backup disabled",
          ""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path binary = Binaries.require("haproxy", "haproxy", "haproxy");
    ManagedProcess process = ManagedProcess.start("haproxy", List.of(binary.toString(), "-db", "-f", cfg.toString()),
        dir, dir.resolve("haproxy.log"), Map.of());
    process.awaitPort(adminPort, Duration.ofSeconds(20));
    return new RealHaproxy(process, adminPort);
  }

  public int adminPort() {
    return adminPort;
  }

  /** The status column of {@code show stat} (UP, DRAIN, MAINT, no check...) for one server. */
  public String statusOf(String server) {
    String[] lines = command("show stat").split("\n");
    List<String> header = List.of(lines[0].substring(2).split(","));
    int status = header.indexOf("status");
    for (String line : lines) {
      String[] f = line.split(",", -1);
      if (f.length > status && f[0].equals("edge_nodes") && f[1].equals(server)) {
        return f[status];
      }
    }
    throw new AssertionError("no server " + server + " in show stat");
  }

  public String command(String command) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", adminPort), 2000);
      OutputStream out = socket.getOutputStream();
      out.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.stop(Duration.ofSeconds(5));
  }
}
