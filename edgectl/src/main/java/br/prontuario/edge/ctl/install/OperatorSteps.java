package br.prontuario.edge.ctl.install;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The steps both platforms share: ownership of what install wrote, the jars, the placeholders. */
final class OperatorSteps {

  private OperatorSteps() {}

  /** install writes as whoever runs it: hand each file to the account that reads it. */
  static Step ownership(String sudo, List<PlannedFile> files) {
    Map<String, List<String>> byOwner = new LinkedHashMap<>();
    files.stream().filter(f -> !Host.ROOT.equals(f.owner()))
        .forEach(f -> byOwner.computeIfAbsent(f.owner(), o -> new ArrayList<>()).add(f.path()));
    List<String> commands = new ArrayList<>();
    byOwner.forEach((owner, paths) -> commands.add(sudo + "chown " + owner + ":" + owner + " " + String.join(" ", paths)));
    return new Step("hand the written files to the accounts that read them", commands);
  }

  /** The Spring Boot services' jars, built from this repository ({@code ./mvnw -DskipTests package}). */
  static Step jars(String sudo, Host host, List<String> springServices) {
    List<String> commands = new ArrayList<>();
    commands.add(sudo + "install -d -m 0755 " + host.dirs().lib());
    for (String service : springServices) {
      commands.add(sudo + "install -m 0644 " + service + "/target/" + service + "-0.1.0-SNAPSHOT.jar " + host.jar(service));
    }
    // every box runs a Kafka broker from the kafka-broker module's copy of Apache Kafka's jars
    commands.add(sudo + "install -d -m 0755 " + host.dirs().kafkaLib());
    commands.add(sudo + "install -m 0644 kafka-broker/target/lib/*.jar " + host.dirs().kafkaLib());
    return new Step("the jars, from a build of this repository (./mvnw -DskipTests package)", commands);
  }

  /**
   * Kafka's folder formatted once, before the broker's first start: the three boxes share one
   * cluster id, made on the first box and copied to the others ({@code --ignore-formatted}: a
   * second run changes nothing).
   */
  static Step kafkaFormat(String sudo, Host host) {
    String asService = sudo.isEmpty() ? "runuser -u " + host.serviceAccount() + " -- "
        : sudo + "-u " + host.serviceAccount() + " ";
    return new Step("format Kafka's folder once, with the cluster id the three boxes share (make it once,"
        + " on the first box, with the first command; use that same id on the other two)", List.of(
            String.join(" ", SharedServices.kafkaCommand(host, "kafka.tools.StorageTool", "random-uuid")),
            asService + String.join(" ", SharedServices.kafkaCommand(host, "kafka.tools.StorageTool", "format",
                "--cluster-id=<the id>", "--config=" + host.config("kafka-server.properties"),
                "--ignore-formatted"))));
  }

  /** Written with CHANGE-ME placeholders by the renderer; the real values come from the secret store. */
  static Step placeholders(String sudo, List<PlannedFile> files) {
    List<String> paths = files.stream().filter(f -> PlannedFile.SECRET.equals(f.mode())).map(PlannedFile::path).toList();
    return new Step("replace every CHANGE-ME in these 0600 files with the secret store's values, and "
        + "the #<sha256> in Redis's and Sentinel's user lines with the SHA-256 of the real passwords",
        List.of(sudo + "grep -l CHANGE-ME " + String.join(" ", paths)));
  }

  static SecretFile springSecrets(Host host, String service) {
    String holds = SharedServices.EDGE_NODE.equals(service)
        ? "spring.datasource.password, spring.flyway.password, edge.security.jwt-secret,"
            + " spring.data.redis.password, "
            + "spring.data.redis.sentinel.password, edge.inference.face.encryption-key"
        : "edge.security.jwt-secret, edge.controller.patroni.password, edge.controller.sentinel-auth.password";
    return new SecretFile(host.secrets(service), host.serviceAccount(), holds);
  }

  static SecretFile kafkaBrokerKey(Host host) {
    return new SecretFile(host.dirs().kafkaPem("broker"), host.serviceAccount(),
        "the Kafka broker's certificate (naming this box's address; serverAuth and clientAuth) and its"
            + " key in one PEM, mode 0600, issued by the cluster CA");
  }

  static SecretFile tlsCertificate(String path, String owner) {
    return new SecretFile(path, owner, "HAProxy's server certificate, its chain and its key in one PEM, "
        + "issued by the hospital's CA");
  }
}
