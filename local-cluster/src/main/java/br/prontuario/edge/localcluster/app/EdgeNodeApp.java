package br.prontuario.edge.localcluster.app;

import br.prontuario.edge.localcluster.cluster.ClusterLayout;
import br.prontuario.edge.localcluster.cluster.ClusterSecrets;
import br.prontuario.edge.localcluster.config.ClusterConfig;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.kafka.KafkaBrokerConfig;
import br.prontuario.edge.localcluster.models.FaceEmbeddingKey;
import br.prontuario.edge.localcluster.models.ModelInstaller;
import br.prontuario.edge.localcluster.process.DetachedLaunch;
import br.prontuario.edge.localcluster.process.ManagedProcess;
import br.prontuario.edge.localcluster.redis.RedisAuth;
import br.prontuario.edge.localcluster.tls.ClusterCertificates;
import br.prontuario.edge.site.ops.RetiringJwtSecret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Launches one edge-node instance with the contract's properties: the multi-host JDBC URL (so it
 * follows the PostgreSQL primary), the Sentinel addresses, its node name and the demo user.
 * Secrets go in {@code SPRING_APPLICATION_JSON} rather than on the command line, where {@code ps}
 * would show them.
 */
public final class EdgeNodeApp {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private EdgeNodeApp() {}

  /** @param retiringJwt the JWT secret a rotation replaced, accepted until its deadline */
  public static ManagedProcess start(NodeName node, ClusterLayout layout, ClusterConfig config,
      ClusterSecrets secrets, Optional<RetiringJwtSecret> retiringJwt, ClusterCertificates.TlsFiles tls,
      Path jar, Path dir, DetachedLaunch launch) {
    Path caCertificate = tls.caCertificate();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("edge-node jar not found: " + jar
          + " (build it with ./mvnw -DskipTests package)");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(config.app().javaOptions());
    command.addAll(List.of("-jar", jar.toString(),
        "--server.port=" + layout.ports(node).app(),
        "--spring.datasource.url=" + layout.verifiedJdbcUrl(config.postgres().database(), node,
            caCertificate),
        "--spring.datasource.username=" + config.postgres().appUser(),
        // the migrations run as the schema's owner; the app itself only reads and writes rows
        "--spring.flyway.user=" + config.postgres().ownerUser(),
        "--spring.data.redis.sentinel.master=" + config.redis().masterName(),
        "--spring.data.redis.sentinel.nodes=" + String.join(",", layout.sentinelAddresses()),
        // the same ACL user on Redis (its keys only) and on the Sentinels (master lookups only)
        "--spring.data.redis.username=" + RedisAuth.EDGE_NODE,
        "--spring.data.redis.sentinel.username=" + RedisAuth.EDGE_NODE,
        "--edge.node.name=" + node.id(),
        // the app (served at /) learns every entry URL and moves to the next when one is down
        "--edge.app.entrypoints=" + String.join(",", layout.entrypoints()),
        // the audit chain's head, copied to the edge etcd (edgectl audit verify compares it)
        "--edge.audit.anchor.stores.edge=" + String.join(",", layout.etcdClientUrls()),
        "--edge.audit.anchor.tls.ca-certificate=" + tls.caCertificate(),
        "--edge.audit.anchor.tls.certificate=" + tls.etcdClient(ClusterCertificates.ETCD_EDGE_NODE).certificate(),
        "--edge.audit.anchor.tls.key=" + tls.etcdClient(ClusterCertificates.ETCD_EDGE_NODE).key(),
        // HL7 v2 lab results, reached through the entry HAProxies' lab port (MLLP over TLS)
        "--edge.lab.mllp-port=" + layout.ports(node).mllp(),
        "--edge.lab.senders[0].application=" + ClusterSecrets.LAB_APPLICATION,
        "--edge.lab.senders[0].facility=" + ClusterSecrets.LAB_FACILITY,
        "--edge.lab.senders[0].token-sha256=" + sha256Hex(secrets.labToken()),
        // events out: the outbox relay publishes to the three brokers, with its own certificate
        "--edge.events.bus.bootstrap-servers=" + layout.kafkaBootstrap(),
        "--edge.events.bus.topic=" + KafkaBrokerConfig.TOPIC,
        "--edge.events.bus.trust-store=" + tls.caCertificate(),
        "--edge.events.bus.key-store=" + tls.kafkaClient(ClusterCertificates.KAFKA_EDGE_NODE),
        "--edge.demo.enabled=true"));
    // DIR/NODE/app → DIR/NODE/models/manifest.json, written by edgectl models install
    Path manifest = ModelInstaller.manifest(dir.getParent().getParent(), node.id());
    if (Files.isRegularFile(manifest)) {
      command.add("--edge.inference.manifest=" + manifest);
    }
    Map<String, Object> secret = new LinkedHashMap<>();
    secret.put("spring.datasource.password", secrets.appPassword());
    secret.put("spring.flyway.password", secrets.ownerPassword());
    secret.put("edge.security.jwt-secret", secrets.jwtSecret());
    retiringJwt.ifPresent(retiring -> {
      secret.put("edge.security.previous-jwt-secret", retiring.secret());
      secret.put("edge.security.previous-jwt-secret-until", retiring.acceptedUntil().toString());
    });
    secret.put("edge.demo.password", secrets.demoPassword());
    secret.put("spring.data.redis.password", secrets.redisEdgeNodePassword());
    secret.put("spring.data.redis.sentinel.password", secrets.redisEdgeNodePassword());
    String faceKey = faceKey(dir.getParent().getParent());
    if (faceKey != null) {
      secret.put("edge.inference.face.encryption-key", faceKey);
    }
    return launch.start("edge-node-" + node.id(), command, dir,
        dir.resolve("edge-node.log"), Map.of("SPRING_APPLICATION_JSON", JSON.writeValueAsString(secret)));
  }

  private static String sha256Hex(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String faceKey(Path stateDir) {
    try {
      return FaceEmbeddingKey.readIfPresent(stateDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
