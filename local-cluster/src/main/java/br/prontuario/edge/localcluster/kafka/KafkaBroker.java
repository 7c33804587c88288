package br.prontuario.edge.localcluster.kafka;

import br.prontuario.edge.localcluster.cluster.ClusterLayout;
import br.prontuario.edge.localcluster.config.ConfigFiles;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.process.DetachedLaunch;
import br.prontuario.edge.localcluster.process.ManagedProcess;
import br.prontuario.edge.localcluster.tls.ClusterCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one box's Kafka broker from the jars Maven Central serves ({@code kafka-broker/target/lib},
 * built with the rest), as {@code kafka.Kafka} with a {@code server.properties} written from the
 * layout ({@link KafkaBrokerConfig}). Its data folder is formatted once, with the cluster id all
 * three brokers share ({@code DIR/kafka-cluster-id}); a later start keeps the data.
 */
public final class KafkaBroker {

  public static final String LIB = "kafka-broker/target/lib";
  private static final List<String> JAVA_OPTIONS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
      "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");
  public static final String LOG_CONFIG = """
      status = warn
      appender.out.type = Console
      appender.out.name = out
      appender.out.layout.type = PatternLayout
      appender.out.layout.pattern = [%d] %p %m (%c)%n
      rootLogger.level = WARN
      rootLogger.appenderRef.out.ref = out
      logger.server.name = kafka.server
      logger.server.level = INFO
      """;

  private KafkaBroker() {}

  public static ManagedProcess start(NodeName node, ClusterLayout layout, ClusterCertificates.TlsFiles tls,
      Path repositoryRoot, Path stateDir, Path dir, DetachedLaunch launch) {
    Path lib = lib(repositoryRoot);
    Path config = dir.resolve("server.properties");
    Path data = dir.resolve("data");
    ConfigFiles.writeText(config, KafkaBrokerConfig.render(
        KafkaBrokerConfig.broker(node, layout, data, tls.kafkaBroker(), tls.caCertificate()),
        "Kafka broker and KRaft controller " + node.id() + " (written by edgectl; edit config/edge-cluster.yaml instead)"));
    Path logConfig = dir.resolve("log4j2.properties");
    ConfigFiles.writeText(logConfig, LOG_CONFIG);
    if (!Files.isRegularFile(data.resolve("meta.properties"))) {
      format(lib, config, logConfig, clusterId(stateDir), dir);
    }
    return launch.start("kafka-" + node.id(), java(lib, logConfig, "kafka.Kafka", config.toString()), dir,
        dir.resolve("kafka.log"), Map.of());
  }

  /** The jars, or the one line that says how to get them. */
  public static Path lib(Path repositoryRoot) {
    Path lib = repositoryRoot.resolve(LIB);
    if (!Files.isDirectory(lib)) {
      throw new IllegalStateException("no Kafka broker jars in " + lib + "; build them with ./mvnw -pl kafka-broker package");
    }
    return lib;
  }

  /** Kafka's storage tool writes meta.properties with the shared cluster id and this node's id. */
  public static void format(Path lib, Path config, Path logConfig, String clusterId, Path dir) {
    List<String> command = java(lib, logConfig, "kafka.tools.StorageTool", "format",
        "--cluster-id=" + clusterId, "--config=" + config, "--ignore-formatted");
    Path log = dir.resolve("format.log");
    try {
      Process format = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      if (!format.waitFor(120, TimeUnit.SECONDS)) {
        format.destroyForcibly();
        throw new IllegalStateException("Kafka's storage format did not finish in 120 s; see " + log);
      }
      if (format.exitValue() != 0) {
        throw new IllegalStateException("Kafka's storage format failed (exit " + format.exitValue() + "): "
            + Files.readString(log).strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run Kafka's storage format", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while formatting Kafka's storage", e);
    }
  }

  /** {@code java … -cp lib/* main args}: how every Kafka process (broker, storage tool) starts. */
  public static List<String> java(Path lib, Path logConfig, String main, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JAVA_OPTIONS);
    command.add("-Dlog4j2.configurationFile=" + logConfig);
    command.add("-cp");
    command.add(lib.resolve("*").toString());
    command.add(main);
    command.addAll(List.of(args));
    return command;
  }

  /** 16 random bytes in URL-safe base64 without padding, never starting with '-': Kafka's own cluster id form. */
  public static synchronized String clusterId(Path stateDir) {
    Path file = stateDir.resolve("kafka-cluster-id");
    try {
      if (Files.isRegularFile(file)) {
        return Files.readString(file).strip();
      }
      SecureRandom random = new SecureRandom();
      byte[] id = new byte[16];
      String clusterId;
      do {
        // as Kafka's own Uuid.randomUuid: an id starting with '-' reads as an option on a command line
        random.nextBytes(id);
        clusterId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
      } while (clusterId.startsWith("-"));
      Files.writeString(file, clusterId + "\n");
      return clusterId;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the Kafka cluster id in " + file, e);
    }
  }
}
