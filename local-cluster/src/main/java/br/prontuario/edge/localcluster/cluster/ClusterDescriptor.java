package br.prontuario.edge.localcluster.cluster;

import br.prontuario.edge.localcluster.config.NodeName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code DIR/cluster.json}: everything a client, a test or the failover controller needs to reach
 * the running cluster. The shape is a contract between the project's parts; add fields, never
 * rename them.
 */
public record ClusterDescriptor(
    String entrypoint,
    List<String> entrypoints,
    Tls tls,
    Database database,
    String jwtSecret,
    Demo demo,
    Controller controller,
    List<Node> nodes,
    Haproxy haproxy,
    Etcd etcd,
    Redis redis) {

  public static final String FILE = "cluster.json";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  public record Database(String jdbcUrl, String username, String password, String superuser,
      String superuserPassword) {}

  public record Demo(String username, String password) {}

  /**
   * The CA certificate clients must trust for the https entry point (Java clients:
   * {@code ClusterTrust}), and the plain-HTTP URL that redirects to it.
   */
  public record Tls(String caCertificate, String redirectUrl) {}

  /** The failover controller's URL once another module launches it on the witness; else null. */
  public record Controller(String url) {}

  public record Node(String name, String appUrl, String patroniUrl, int postgresPort, int redisPort,
      int sentinelPort, String etcdClientUrl) {}

  public record Haproxy(String runtimeApi, String statsUrl, String backend, List<String> servers) {}

  public record Etcd(List<String> endpoints) {}

  public record Redis(String masterName, List<String> sentinels) {}

  static ClusterDescriptor of(EdgeCluster cluster) {
    var layout = cluster.layout();
    var config = cluster.config();
    var secrets = cluster.secrets();
    List<Node> nodes = List.of(NodeName.NODE_A, NodeName.NODE_B).stream().map(n -> new Node(n.id(),
        layout.appUrl(n), layout.patroniUrl(n), layout.ports(n).postgres(), layout.ports(n).redis(),
        layout.ports(n).sentinel(), layout.etcdClientUrls().get(n.ordinal()))).toList();
    String controllerUrl = ExtraComponent.saved(cluster.stateDir(), NodeName.WITNESS).stream()
        .filter(e -> e.component().equals("failover-controller")).map(ExtraComponent::url)
        .findFirst().orElse(null);
    return new ClusterDescriptor(layout.entrypoint(), layout.entrypoints(),
        new Tls(cluster.tls().caCertificate().toString(), layout.redirectUrl()),
        new Database(layout.jdbcUrl(config.postgres().database()), config.postgres().appUser(),
            secrets.appPassword(), br.prontuario.edge.localcluster.patroni.PatroniConfig.SUPERUSER,
            secrets.superuserPassword()),
        secrets.jwtSecret(), new Demo("demo", secrets.demoPassword()), new Controller(controllerUrl),
        nodes,
        new Haproxy(layout.runtimeApiAddress(), layout.statsUrl(),
            br.prontuario.edge.localcluster.haproxy.HaproxyConfig.BACKEND,
            List.of(NodeName.NODE_A.id(), NodeName.NODE_B.id(),
                br.prontuario.edge.localcluster.haproxy.HaproxyConfig.CLOUD_SERVER)),
        new Etcd(layout.etcdClientUrls()), new Redis(config.redis().masterName(), layout.sentinelAddresses()));
  }

  public void write(Path stateDir) {
    try {
      Path file = stateDir.resolve(FILE);
      Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n");
      Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ClusterDescriptor read(Path stateDir) {
    Path file = stateDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("no cluster in " + stateDir + " (run bin/edgectl up first)");
    }
    return JSON.readValue(file.toFile(), ClusterDescriptor.class);
  }
}
