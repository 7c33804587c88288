package br.prontuario.edge.ctl.install;

import java.util.ArrayList;
import java.util.List;

/**
 * The services every host runs alike, on either platform: its etcd member, its Sentinel, its Kafka
 * broker, the failover-controller replica, and (on the Mac Studios) edge-node. The two Spring Boot services
 * read the rendered properties and a secrets file that must exist ({@code spring.config.import}
 * without {@code optional:}, so a missing one stops the start instead of running without passwords).
 */
final class SharedServices {

  static final String EDGE_NODE = "edge-node";
  static final String CONTROLLER = "failover-controller";
  // production heap for edge-node (config/edge-cluster.yaml, app.javaOptions: "production: -Xmx4g")
  static final List<String> EDGE_NODE_JVM = List.of("-Xmx4g");
  static final List<String> CONTROLLER_JVM = List.of("-Xmx256m");

  private SharedServices() {}

  static Service etcd(Host host, String description) {
    String data = host.dirs().etcd();
    return Service.named("etcd", description)
        .runs(host.serviceAccount(), List.of(host.path(Program.ETCD), "--config-file", host.config("etcd.conf.yml")))
        .in(data, data).build();
  }

  static Service sentinel(Host host, String description) {
    String dir = host.dirs().sentinel();
    return Service.named("sentinel", description)
        .runs(host.serviceAccount(), List.of(host.path(Program.REDIS_SENTINEL), dir + "/sentinel.conf"))
        .in(dir, dir).build();
  }

  /**
   * The box's Kafka broker (and KRaft controller): Apache Kafka's own jars from Maven Central (the
   * kafka-broker module), run as {@code edgectl up} runs them locally, on the rendered
   * {@code kafka-server.properties}; its folder is formatted once before the first start.
   */
  static Service kafka(Host host) {
    String data = host.dirs().kafka();
    return Service.named("kafka", "Kafka broker and KRaft controller (the clinical events' bus)")
        .runs(host.serviceAccount(), kafkaCommand(host, "kafka.Kafka", host.config("kafka-server.properties")))
        .in(data, data).build();
  }

  /** {@code java -cp <lib>/kafka/* MAIN ARGS}: the broker, and the storage tool that formats its folder. */
  static List<String> kafkaCommand(Host host, String main, String... args) {
    List<String> command = new ArrayList<>(List.of(host.path(Program.JAVA), "-Xmx1g",
        "-Dlog4j2.configurationFile=" + host.config("kafka-log4j2.properties"),
        "-cp", host.dirs().kafkaLib() + "/*", main));
    command.addAll(List.of(args));
    return command;
  }

  static Service edgeNode(Host host) {
    return Service.named(EDGE_NODE, "edge-node, the records API and local AI")
        .runs(host.serviceAccount(), springCommand(host, EDGE_NODE, EDGE_NODE_JVM))
        .in(host.dirs().base()).build();
  }

  static Service controller(Host host) {
    String history = host.dirs().controller();
    return Service.named(CONTROLLER, "failover-controller replica")
        .runs(host.serviceAccount(), springCommand(host, CONTROLLER, CONTROLLER_JVM))
        .in(history, history).build();
  }

  private static List<String> springCommand(Host host, String service, List<String> jvm) {
    List<String> command = new ArrayList<>();
    command.add(host.path(Program.JAVA));
    command.addAll(jvm);
    command.addAll(List.of("-jar", host.jar(service),
        "--spring.config.additional-location=file:" + host.config(service + ".properties"),
        "--spring.config.import=file:" + host.secrets(service)));
    return command;
  }
}
