package br.prontuario.edge.testsupport.servers;

import br.prontuario.edge.localcluster.config.ConfigFiles;
import br.prontuario.edge.localcluster.kafka.KafkaBroker;
import br.prontuario.edge.localcluster.process.FreePorts;
import br.prontuario.edge.localcluster.process.ManagedProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A real single Kafka broker (KRaft, its own controller) on free loopback ports, in clear text,
 * from the same jars the local cluster runs ({@code kafka-broker/target/lib}); topics there can
 * only have one copy.
 */
public final class RealKafka implements AutoCloseable {

  private final ManagedProcess process;
  private final String bootstrap;

  private RealKafka(ManagedProcess process, String bootstrap) {
    this.process = process;
    this.bootstrap = bootstrap;
  }

  /** Started in a fresh folder under target/; stopped when the JVM exits at the latest. */
  public static RealKafka start(String name) {
    Path dir = TargetFolders.fresh("kafka-" + name + "-");
    Path root = Path.of(System.getProperty("user.dir")).getParent();
    Path lib = KafkaBroker.lib(root);
    int port = FreePorts.next();
    int controller = FreePorts.next();
    Path config = dir.resolve("server.properties");
    ConfigFiles.writeText(config, """
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@127.0.0.1:%d
        listeners=PLAINTEXT://127.0.0.1:%d,CONTROLLER://127.0.0.1:%d
        advertised.listeners=PLAINTEXT://127.0.0.1:%d
        listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
        controller.listener.names=CONTROLLER
        log.dirs=%s
        auto.create.topics.enable=false
        offsets.topic.replication.factor=1
        transaction.state.log.replication.factor=1
        transaction.state.log.min.isr=1
        share.coordinator.state.topic.replication.factor=1
        share.coordinator.state.topic.min.isr=1
        group.initial.rebalance.delay.ms=0
        num.network.threads=2
        num.io.threads=2
        """.formatted(controller, port, controller, port, dir.resolve("data")));
    Path logConfig = dir.resolve("log4j2.properties");
    ConfigFiles.writeText(logConfig, KafkaBroker.LOG_CONFIG);
    KafkaBroker.format(lib, config, logConfig, KafkaBroker.clusterId(dir), dir);
    ManagedProcess process = ManagedProcess.start("kafka-" + name,
        KafkaBroker.java(lib, logConfig, "kafka.Kafka", config.toString()), dir, dir.resolve("kafka.log"), Map.of());
    process.awaitPort(port, Duration.ofSeconds(60));
    return TargetFolders.stopAtExit(new RealKafka(process, "127.0.0.1:" + port), "kafka-" + name);
  }

  public String bootstrapServers() {
    return bootstrap;
  }

  /** SIGKILL: the broker is gone at once, as with a power cut. */
  public void kill() {
    process.handle().destroyForcibly();
  }

  @Override
  public void close() {
    process.stop(Duration.ofSeconds(10));
  }
}
