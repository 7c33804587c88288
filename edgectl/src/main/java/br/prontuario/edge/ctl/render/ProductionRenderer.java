package br.prontuario.edge.ctl.render;

import br.prontuario.edge.localcluster.backup.BackupPolicy;
import br.prontuario.edge.localcluster.backup.PgBackRestArchiving;
import br.prontuario.edge.localcluster.backup.ProductionBackups;
import br.prontuario.edge.localcluster.cloud.EdgeUpstream;
import br.prontuario.edge.localcluster.cloud.ReplicationGateway;
import br.prontuario.edge.localcluster.cluster.ClusterLayout;
import br.prontuario.edge.localcluster.cluster.ClusterSecrets;
import br.prontuario.edge.localcluster.config.ClusterConfig;
import br.prontuario.edge.localcluster.config.ConfigFiles;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.config.ProductionHosts;
import br.prontuario.edge.localcluster.etcd.EtcdConfig;
import br.prontuario.edge.localcluster.kafka.KafkaBroker;
import br.prontuario.edge.localcluster.kafka.KafkaBrokerConfig;
import br.prontuario.edge.localcluster.haproxy.HaproxyConfig;
import br.prontuario.edge.localcluster.haproxy.KeepalivedConfig;
import br.prontuario.edge.localcluster.patroni.PatroniConfig;
import br.prontuario.edge.localcluster.redis.RedisAuth;
import br.prontuario.edge.localcluster.redis.RedisConfig;
import br.prontuario.edge.localcluster.tls.ClusterCertificates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the production files for the two Mac Studios and the witness host (each with its entry
 * HAProxy, its failover-controller replica and, for the floating entry address, keepalived) from
 * the same configuration and the same writers as the local cluster: {@code TARGET/<host>/...}.
 * Passwords are placeholders; Patroni takes the real ones from {@code PATRONI_*_PASSWORD}
 * variables or a second configuration file ({@code edgectl install} sets that up).
 */
public final class ProductionRenderer {

  /**
   * The controller's etcd client certificate (CN and file name below tls/etcd/); Patroni and
   * edge-node use the same names as locally ({@link ClusterCertificates#ETCD_PATRONI},
   * {@link ClusterCertificates#ETCD_EDGE_NODE}). Locally the controllers share the operators' one.
   */
  public static final String ETCD_CONTROLLER = "failover-controller";

  private ProductionRenderer() {}

  /** Writes every file and returns their paths, relative to {@code target}. */
  public static List<Path> render(ClusterConfig config, Path target) {
    var prod = config.production();
    ClusterLayout layout = ClusterLayout.production(config);
    ClusterSecrets secrets = ClusterSecrets.placeholders();
    ProductionDirs dirs = ProductionDirs.of(prod);
    List<Path> written = new ArrayList<>();
    for (NodeName node : NodeName.values()) {
      Path dir = target.resolve(node.id());
      written.add(write(target, dir.resolve("etcd.conf.yml"), "etcd member " + node.id(),
          EtcdConfig.member(node, layout, config.etcd(), dirs.etcd(), dirs.etcdMemberTls())));
      written.add(text(target, dir.resolve("sentinel.conf"),
          RedisConfig.sentinel(node, layout, prod.redis(config.redis()), RedisAuth.of(secrets),
              dirs.sentinel())));
      written.add(text(target, dir.resolve("kafka-server.properties"), KafkaBrokerConfig.render(
          KafkaBrokerConfig.broker(node, layout, Path.of(dirs.kafka()), Path.of(dirs.kafkaPem("broker")),
              Path.of(dirs.postgresTls().ca())),
          "Kafka broker and KRaft controller " + node.id() + " (rendered by edgectl render; edgectl"
              + " install says how to format its folder once, with one cluster id for the three boxes)")));
      // the broker logs to standard output: launchd's log file, journald
      written.add(text(target, dir.resolve("kafka-log4j2.properties"), KafkaBroker.LOG_CONFIG));
      written.add(text(target, dir.resolve("failover-controller.properties"),
          AppProperties.controller(config, layout, node, dirs.controller())));
      if (node.isDataNode()) {
        var paths = new PatroniConfig.Paths(dirs.pgdata(), prod.postgresBinDir(), dirs.pgpass(), null,
            dirs.postgresTls(), dirs.etcdClientTls(ClusterCertificates.ETCD_PATRONI));
        written.add(write(target, dir.resolve("patroni.yml"), "Patroni on " + node.id()
                + "; set PATRONI_SUPERUSER_PASSWORD, PATRONI_REPLICATION_PASSWORD, PATRONI_REWIND_PASSWORD",
            PgBackRestArchiving.addTo(PatroniConfig.node(node, layout, prod.patroni(config.patroni()), secrets, paths),
                PgBackRestArchiving.archiveCommand("pgbackrest", BackupPolicy.STANDARD.stanza(),
                    ProductionBackups.CONFIG))));
        written.add(text(target, dir.resolve("pgbackrest.conf"), ProductionBackups.node(node, layout,
            BackupPolicy.STANDARD, paths.dataDir()).render("pgBackRest on " + node.id() + " (rendered by edgectl render)")));
        written.add(text(target, dir.resolve("redis.conf"), RedisConfig.server(node, layout,
            RedisAuth.of(secrets), dirs.redis())));
        written.add(text(target, dir.resolve("edge-node.properties"), AppProperties.edgeNode(config, layout, node)));
      }
    }
    written.add(text(target, target.resolve(NodeName.WITNESS.id()).resolve("pgbackrest.conf"),
        ProductionBackups.witness(layout, BackupPolicy.STANDARD, dirs.pgdata())
            .render("pgBackRest on the witness: repo1 here, repo2 in GCS (rendered by edgectl render)")));
    written.add(text(target, target.resolve(NodeName.WITNESS.id()).resolve("replication-gateway.cfg"),
        replicationGateway(layout, prod, dirs)));
    // an entry HAProxy on every box; keepalived floats one address between them (Linux hosts)
    for (NodeName node : ClusterLayout.ENTRY_ORDER) {
      Path dir = target.resolve(node.id());
      // the floating address lives on the Linux witness only: macOS has no keepalived and cannot
      // bind an address it does not hold, so a Mac Studio's HAProxy binding it would never start
      // (docs/failover.md, "macOS")
      String floating = node.isDataNode() ? "" : prod.entryVirtualAddress();
      written.add(text(target, dir.resolve("haproxy.cfg"),
          HaproxyConfig.render(layout, node, config.haproxy(), HaproxyConfig.Site.PRODUCTION,
              new HaproxyConfig.Tls(prod.tlsCertificate(), null), floating)));
      if (!prod.entryVirtualIp().isEmpty()) {
        written.add(text(target, dir.resolve("keepalived.conf"), KeepalivedConfig.render(layout, node, prod)));
      }
    }
    return written;
  }

  /**
   * The witness's HAProxy that the GKE standby replicates from (and failback writes through):
   * TCP to whichever Mac Studio's Patroni answers {@code /primary} over TLS checked against the
   * cluster CA. It listens on the witness's address and, when there is one, the floating entry
   * address that the GKE site's {@code edge-replication} endpoint names.
   */
  static String replicationGateway(ClusterLayout layout, ProductionHosts prod, ProductionDirs dirs) {
    List<String> binds = new ArrayList<>();
    binds.add(layout.host(NodeName.WITNESS) + ":" + ReplicationGateway.PRODUCTION_PORT);
    if (!prod.entryVirtualAddress().isEmpty()) {
      binds.add(prod.entryVirtualAddress() + ":" + ReplicationGateway.PRODUCTION_PORT);
    }
    List<EdgeUpstream> upstreams = List.of(NodeName.NODE_A, NodeName.NODE_B).stream()
        .map(n -> new EdgeUpstream(n.id(), layout.host(n), layout.ports(n).postgres(),
            layout.ports(n).patroniRest(), Path.of(dirs.postgresTls().ca())))
        .toList();
    return ReplicationGateway.render(binds, upstreams);
  }

  private static Path write(Path target, Path file, String header, java.util.Map<String, Object> content) {
    ConfigFiles.writeYaml(file, header + " (rendered by edgectl render from config/edge-cluster.yaml)", content);
    return target.relativize(file);
  }

  private static Path text(Path target, Path file, String content) {
    ConfigFiles.writeText(file, content);
    return target.relativize(file);
  }
}
