package br.prontuario.edge.localcluster.redis;

import br.prontuario.edge.localcluster.process.Binaries;
import br.prontuario.edge.localcluster.process.FreePorts;
import br.prontuario.edge.localcluster.process.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A real redis-server on a loopback port with its own folder; optionally a replica of another. */
public final class RedisServer implements AutoCloseable {

  private final int port;
  private final ManagedProcess process;

  private RedisServer(int port, ManagedProcess process) {
    this.port = port;
    this.process = process;
  }

  public static RedisServer start(Path dir) {
    return start(dir, FreePorts.next(), null);
  }

  /** Starts on the given port; {@code masterPort} non-null makes it a replica of that master. */
  public static RedisServer start(Path dir, int port, Integer masterPort) {
    Path binary = Binaries.require("redis-server", "redis-server", "redis");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> command = new ArrayList<>(List.of(binary.toString(),
        "--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir", dir.toString(),
        "--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode", "no"));
    if (masterPort != null) {
      command.addAll(List.of("--replicaof", "127.0.0.1", masterPort.toString()));
    }
    ManagedProcess process =
        ManagedProcess.start("redis-" + port, command, dir, dir.resolve("redis.log"), Map.of());
    process.awaitPort(port, Duration.ofSeconds(20));
    return new RedisServer(port, process);
  }

  public int port() {
    return port;
  }

  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  public ManagedProcess process() {
    return process;
  }

  @Override
  public void close() {
    process.stop(Duration.ofSeconds(10));
  }
}
