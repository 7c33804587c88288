package br.prontuario.edge.localcluster.cluster;

import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.haproxy.HaproxyConfig;
import br.prontuario.edge.localcluster.kafka.KafkaBrokerConfig;
import br.prontuario.edge.localcluster.patroni.PatroniConfig;
import br.prontuario.edge.localcluster.redis.RedisAuth;
import br.prontuario.edge.localcluster.tls.ClusterCertificates;
import br.prontuario.edge.site.cluster.ClusterDescriptor;
import br.prontuario.edge.site.patroni.PatroniCredentials;
import java.util.List;

/** This cluster's {@code cluster.json}, from its layout, configuration and secrets. */
final class LocalDescriptor {

  private LocalDescriptor() {}

  static ClusterDescriptor of(EdgeCluster cluster) {
    var layout = cluster.layout();
    var config = cluster.config();
    var secrets = cluster.secrets();
    List<ClusterDescriptor.Node> nodes = List.of(NodeName.NODE_A, NodeName.NODE_B).stream()
        .map(n -> new ClusterDescriptor.Node(n.id(), layout.appUrl(n), layout.patroniUrl(n),
            layout.ports(n).postgres(), layout.ports(n).redis(), layout.ports(n).sentinel(),
            layout.etcdClientUrls().get(n.ordinal()))).toList();
    // one replica per box, in the entry order (witness, node-a, node-b)
    List<String> controllerUrls = ClusterLayout.ENTRY_ORDER.stream()
        .flatMap(n -> ExtraComponent.saved(cluster.stateDir(), n).stream())
        .filter(e -> e.component().startsWith("failover-controller")).map(ExtraComponent::url)
        .toList();
    return new ClusterDescriptor(layout.entrypoint(), layout.entrypoints(),
        new ClusterDescriptor.Tls(cluster.tls().caCertificate().toString(), layout.redirectUrl()),
        null,
        new ClusterDescriptor.Database(cluster.jdbcUrl(config.postgres().database()),
            config.postgres().appUser(), secrets.appPassword(), PatroniConfig.SUPERUSER,
            secrets.superuserPassword()),
        secrets.jwtSecret(), new ClusterDescriptor.Demo("demo", secrets.demoPassword()),
        new ClusterDescriptor.Controller(null, controllerUrls), nodes,
        new ClusterDescriptor.Haproxy(layout.runtimeApiAddress(), layout.statsUrl(),
            HaproxyConfig.BACKEND, List.of(NodeName.NODE_A.id(), NodeName.NODE_B.id(),
                HaproxyConfig.CLOUD_SERVER), layout.runtimeApiAddresses()),
        new ClusterDescriptor.Etcd(layout.etcdClientUrls(), new ClusterDescriptor.EtcdTls(
            cluster.etcdTls().caCertificate().toString(), cluster.etcdTls().certificate().toString(),
            cluster.etcdTls().key().toString())),
        new ClusterDescriptor.Redis(config.redis().masterName(), layout.sentinelAddresses(),
            RedisAuth.CONTROLLER, secrets.redisControllerPassword()),
        patroniApi(cluster.patroniCredentials()),
        cluster.withApps() ? new ClusterDescriptor.Bus(layout.kafkaBootstrap(), KafkaBrokerConfig.TOPIC,
            cluster.tls().caCertificate().toString(),
            cluster.tls().kafkaClient(ClusterCertificates.KAFKA_OPERATIONS).toString()) : null,
        cluster.retiringJwtSecret().orElse(null));
  }

  private static ClusterDescriptor.PatroniApi patroniApi(PatroniCredentials credentials) {
    return new ClusterDescriptor.PatroniApi(credentials.username(), credentials.password(),
        credentials.previous().map(PatroniCredentials::password).orElse(null));
  }
}
