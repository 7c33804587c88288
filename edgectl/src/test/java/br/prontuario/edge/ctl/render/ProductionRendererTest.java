package br.prontuario.edge.ctl.render;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.localcluster.config.ClusterConfig;
import br.prontuario.edge.localcluster.config.ClusterConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class ProductionRendererTest {

  private static final ClusterConfig CONFIG =
      ClusterConfigLoader.loadFromRepository(Path.of(System.getProperty("user.dir")).getParent());
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  @TempDir Path target;

  @Test
  void theReplicationGatewayFollowsThePrimaryThroughPatroniOverTlsOnTheAddressGkeReplicatesFrom()
      throws Exception {
    ProductionRenderer.render(CONFIG, target);

    String gateway = Files.readString(target.resolve("witness/replication-gateway.cfg"));
    // the witness's own address and the floating one k8s/overlays/gke names REPLICATION_GATEWAY_IP
    assertThat(gateway).contains("  bind 10.20.0.13:5432\n", "  bind 10.20.0.10:5432\n",
        "option httpchk GET /primary", "http-check expect status 200",
        "server node-a 10.20.0.11:5432 check port 8008 check-ssl verify required ca-file /opt/prontuario/tls/ca.crt",
        "server node-b 10.20.0.12:5432 check port 8008 check-ssl verify required ca-file /opt/prontuario/tls/ca.crt");
    assertThat(gateway).doesNotContain("127.0.0.1");
    assertThat(Files.readString(Path.of(System.getProperty("user.dir")).getParent()
        .resolve("k8s/overlays/gke/site-network.yaml"))).contains("REPLICATION_GATEWAY_IP: 10.20.0.10");
  }

  @Test
  void writesEachHostsFilesWithTheProductionAddressesAndTiming() throws Exception {
    List<Path> files = ProductionRenderer.render(CONFIG, target);
    assertThat(files).extracting(Path::toString).containsExactlyInAnyOrder(
        "node-a/etcd.conf.yml", "node-a/sentinel.conf", "node-a/patroni.yml", "node-a/redis.conf",
        "node-b/etcd.conf.yml", "node-b/sentinel.conf", "node-b/patroni.yml", "node-b/redis.conf",
        "witness/etcd.conf.yml", "witness/sentinel.conf", "witness/haproxy.cfg",
        "node-a/haproxy.cfg", "node-b/haproxy.cfg",
        "witness/keepalived.conf", "node-a/keepalived.conf", "node-b/keepalived.conf",
        "node-a/pgbackrest.conf", "node-b/pgbackrest.conf", "witness/pgbackrest.conf",
        "node-a/edge-node.properties", "node-b/edge-node.properties",
        "node-a/failover-controller.properties", "node-b/failover-controller.properties",
        "witness/failover-controller.properties", "witness/replication-gateway.cfg",
        "node-a/kafka-server.properties", "node-b/kafka-server.properties", "witness/kafka-server.properties",
        "node-a/kafka-log4j2.properties", "node-b/kafka-log4j2.properties", "witness/kafka-log4j2.properties");

    JsonNode patroni = YAML.readTree(Files.readString(target.resolve("node-b/patroni.yml")));
    assertThat(patroni.at("/name").asString()).isEqualTo("node-b");
    assertThat(patroni.at("/restapi/listen").asString()).isEqualTo("10.20.0.12:8008");
    assertThat(patroni.at("/bootstrap/dcs/ttl").asInt()).isEqualTo(30);
    assertThat(patroni.at("/bootstrap/dcs/loop_wait").asInt()).isEqualTo(10);
    assertThat(patroni.at("/bootstrap/dcs/synchronous_mode").asBoolean()).isTrue();
    assertThat(patroni.at("/bootstrap/dcs/postgresql/use_pg_rewind").asBoolean()).isTrue();
    assertThat(patroni.at("/bootstrap/dcs/postgresql/parameters/wal_sender_timeout").asString())
        .isEqualTo("15s");
    assertThat(patroni.at("/bootstrap/initdb").toString()).contains("data-checksums");
    assertThat(patroni.at("/etcd/hosts").toString())
        .contains("10.20.0.11:2379", "10.20.0.12:2379", "10.20.0.13:2379");
    assertThat(patroni.at("/postgresql/authentication/replication/password").asString()).startsWith("CHANGE-ME");

    JsonNode etcd = YAML.readTree(Files.readString(target.resolve("witness/etcd.conf.yml")));
    assertThat(etcd.at("/initial-cluster").asString()).isEqualTo(
        "node-a=https://10.20.0.11:2380,node-b=https://10.20.0.12:2380,witness=https://10.20.0.13:2380");
    // clients and peers alike need a certificate from the cluster's CA
    for (String side : List.of("/client-transport-security", "/peer-transport-security")) {
      assertThat(etcd.at(side + "/client-cert-auth").asBoolean()).as(side).isTrue();
      assertThat(etcd.at(side + "/cert-file").asString()).endsWith("/tls/etcd/member.crt");
      assertThat(etcd.at(side + "/trusted-ca-file").asString()).endsWith("/tls/ca.crt");
    }
    assertThat(etcd.at("/listen-client-urls").asString()).isEqualTo("https://10.20.0.13:2379");
    assertThat(patroni.at("/etcd/protocol").asString()).isEqualTo("https");
    assertThat(patroni.at("/etcd/cert").asString()).endsWith("/tls/etcd/patroni.crt");
    assertThat(patroni.at("/etcd/key").asString()).endsWith("/tls/etcd/patroni.key");

    String haproxy = Files.readString(target.resolve("witness/haproxy.cfg"));
    assertThat(haproxy).contains("bind 10.20.0.13:443 ssl crt /etc/haproxy/certs/prontuario.pem")
        .contains("server node-a 10.20.0.11:8080 check", "server node-b 10.20.0.12:8080 check")
        .contains("inter 5s downinter 1s fastinter 1s fall 3 rise 2", "timeout check 2s",
            "option httpchk GET /health/ready")
        .contains("backup disabled")
        // the acting controller may run on any box: every HAProxy's runtime API is on its LAN address
        .contains("stats socket ipv4@10.20.0.13:9999 level admin")
        // and every HAProxy also answers on the floating address, wherever keepalived puts it
        .contains("bind 10.20.0.10:443 ssl crt /etc/haproxy/certs/prontuario.pem")
        .contains("Strict-Transport-Security \"max-age=31536000\"")
        // port 80 only redirects; production hands out no CA (the hospital's comes through MDM)
        .contains("bind 10.20.0.13:80\n  bind 10.20.0.10:80\n  http-request redirect scheme https code 301")
        .doesNotContain("/ca.crt")
        // the labs' MLLP: TLS on HL7's port, forwarded to the edge-nodes' listeners beside it
        .contains("frontend lab_mllp\n  mode tcp\n  option tcplog\n"
            + "  bind 10.20.0.13:2575 ssl crt /etc/haproxy/certs/prontuario.pem\n"
            + "  bind 10.20.0.10:2575 ssl crt /etc/haproxy/certs/prontuario.pem")
        .contains("server node-a 10.20.0.11:2576 check port 8080", "server node-b 10.20.0.12:2576 check port 8080");
    assertThat(Files.readString(target.resolve("node-b/haproxy.cfg")))
        .contains("bind 10.20.0.12:443 ssl crt",
            "server node-a 10.20.0.11:8080 check", "stats socket ipv4@10.20.0.12:9999 level admin")
        // macOS cannot bind the floating address (no ip_nonlocal_bind): only the witness does
        .doesNotContain("10.20.0.10");
    assertThat(Files.readString(target.resolve("node-a/keepalived.conf")))
        .contains("state BACKUP\n  nopreempt", "interface eth0", "priority 100",
            "unicast_src_ip 10.20.0.11", "unicast_peer {\n    10.20.0.13\n    10.20.0.12\n  }",
            "10.20.0.10/24 dev eth0", "track_script {\n    haproxy_alive");
    assertThat(Files.readString(target.resolve("witness/keepalived.conf"))).contains("priority 150");
    assertThat(Files.readString(target.resolve("node-b/keepalived.conf"))).contains("priority 50");
    assertThat(Files.readString(target.resolve("node-b/sentinel.conf")))
        .contains("sentinel monitor edge 10.20.0.11 6379 2", "down-after-milliseconds edge 5000");
  }

  @Test
  void givesEdgeNodeAndEveryControllerReplicaTheProductionTopologyWithoutSecrets() throws Exception {
    ProductionRenderer.render(CONFIG, target);

    Properties edgeNode = properties("node-b/edge-node.properties");
    assertThat(edgeNode.getProperty("edge.node.name")).isEqualTo("node-b");
    // its own PostgreSQL first: after a failover the survivor holds the new primary
    assertThat(edgeNode.getProperty("spring.datasource.url"))
        .startsWith("jdbc:postgresql://10.20.0.12:5432,10.20.0.11:5432/prontuario?targetServerType=primary")
        // and it checks the database's certificate against the cluster's CA
        .containsPattern("&sslmode=verify-full&sslrootcert=/.*/tls/ca\\.crt$");
    assertThat(edgeNode.getProperty("spring.data.redis.sentinel.nodes"))
        .isEqualTo("10.20.0.11:26379,10.20.0.12:26379,10.20.0.13:26379");
    assertThat(edgeNode.getProperty("edge.lab.mllp-port")).isEqualTo("2576");
    assertThat(edgeNode.getProperty("edge.lab.bind-address")).isEqualTo("10.20.0.12");
    assertThat(edgeNode.getProperty("edge.app.entrypoints")).isEqualTo(
        "https://10.20.0.10:443,https://10.20.0.13:443,https://10.20.0.11:443,https://10.20.0.12:443");
    assertThat(edgeNode.getProperty("edge.audit.anchor.stores.edge")).isEqualTo(
        "https://10.20.0.11:2379,https://10.20.0.12:2379,https://10.20.0.13:2379");
    assertThat(edgeNode.getProperty("edge.audit.anchor.tls.certificate")).endsWith("/tls/etcd/edge-node.crt");

    Properties controller = properties("witness/failover-controller.properties");
    assertThat(controller.getProperty("server.address")).isEqualTo("10.20.0.13");
    assertThat(controller.getProperty("edge.controller.cluster.nodes[1].patroni-url")).isEqualTo("https://10.20.0.12:8008");
    assertThat(controller.getProperty("edge.controller.routing.haproxy.runtime-apis[2]")).isEqualTo("10.20.0.12:9999");
    assertThat(controller.getProperty("edge.controller.election.mode")).isEqualTo("etcd");
    assertThat(controller.getProperty("edge.controller.election.identity")).isEqualTo("controller-witness");
    assertThat(controller.getProperty("edge.controller.election.etcd-endpoints[2]")).isEqualTo("https://10.20.0.13:2379");
    assertThat(controller.getProperty("edge.controller.election.etcd-tls.key"))
        .endsWith("/tls/etcd/failover-controller.key");
    assertThat(controller.getProperty("edge.controller.history.dir")).isEqualTo("/opt/prontuario/controller");

    for (Properties p : List.of(edgeNode, controller)) {
      assertThat(p.stringPropertyNames()).noneMatch(k -> k.contains("password") || k.contains("secret"));
    }
  }

  private Properties properties(String file) throws Exception {
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(target.resolve(file))) {
      p.load(in);
    }
    return p;
  }

  @Test
  void everyBoxRunsAKafkaBrokerAndControllerThatTakesOnlyCertificatesOfTheClusterCa() throws Exception {
    ProductionRenderer.render(CONFIG, target);

    Properties witness = properties("witness/kafka-server.properties");
    assertThat(witness.getProperty("node.id")).isEqualTo("3");
    assertThat(witness.getProperty("process.roles")).isEqualTo("broker,controller");
    assertThat(witness.getProperty("controller.quorum.voters"))
        .isEqualTo("1@10.20.0.11:9093,2@10.20.0.12:9093,3@10.20.0.13:9093");
    assertThat(witness.getProperty("listeners")).isEqualTo("BROKER://10.20.0.13:9092,CONTROLLER://10.20.0.13:9093");
    assertThat(witness.getProperty("listener.security.protocol.map")).isEqualTo("BROKER:SSL,CONTROLLER:SSL");
    assertThat(witness.getProperty("ssl.client.auth")).isEqualTo("required");
    assertThat(witness.getProperty("ssl.keystore.location")).endsWith("/tls/kafka/broker.pem");
    assertThat(witness.getProperty("ssl.truststore.location")).endsWith("/tls/ca.crt");
    assertThat(witness.getProperty("min.insync.replicas")).isEqualTo("2");
    assertThat(witness.getProperty("unclean.leader.election.enable")).isEqualTo("false");
    Properties edgeNode = properties("node-b/edge-node.properties");
    assertThat(edgeNode.getProperty("edge.events.bus.bootstrap-servers"))
        .isEqualTo("10.20.0.11:9092,10.20.0.12:9092,10.20.0.13:9092");
    assertThat(edgeNode.getProperty("edge.events.bus.key-store")).endsWith("/tls/kafka/edge-node.pem");
    assertThat(edgeNode.getProperty("edge.events.bus.topic")).isEqualTo("prontuario.clinical-events");
  }

  @Test
  void theInternalPlaneAsksForCredentialsEverywhere() throws Exception {
    ProductionRenderer.render(CONFIG, target);

    JsonNode patroni = YAML.readTree(Files.readString(target.resolve("node-a/patroni.yml")));
    assertThat(patroni.at("/restapi/authentication/username").asString()).isEqualTo("patroni-ops");
    assertThat(patroni.at("/restapi/authentication/password").asString()).startsWith("CHANGE-ME");
    // the REST API speaks TLS with the node's certificate, and the controller calls it so
    assertThat(patroni.at("/restapi/certfile").asString()).endsWith("/tls/postgres.crt");
    assertThat(patroni.at("/restapi/keyfile").asString()).endsWith("/tls/postgres.key");
    assertThat(patroni.at("/restapi/cafile").asString()).endsWith("/tls/ca.crt");
    Properties controller = properties("witness/failover-controller.properties");
    assertThat(controller.getProperty("edge.controller.cluster.nodes[0].patroni-url"))
        .isEqualTo("https://10.20.0.11:8008");
    assertThat(controller.getProperty("edge.controller.patroni.ca-certificate")).endsWith("/tls/ca.crt");
    assertThat(Files.readString(target.resolve("node-a/redis.conf")))
        .contains("user default off", "masteruser replica", "masterauth CHANGE-ME",
            "user edge-node on #", "~refresh:* ~login:*");
    assertThat(Files.readString(target.resolve("witness/sentinel.conf")))
        .contains("user default off", "sentinel auth-user edge sentinel", "sentinel sentinel-user sentinel-peer")
        .containsPattern("user controller on #[0-9a-f]{64} -@all \\+ping");
  }

  @Test
  void postgresqlTakesOnlyEncryptedConnectionsAndReplicationChecksItsPeer() throws Exception {
    ProductionRenderer.render(CONFIG, target);

    JsonNode pg = YAML.readTree(Files.readString(target.resolve("node-b/patroni.yml")))
        .path("postgresql");
    assertThat(pg.at("/parameters/ssl").asString()).isEqualTo("on");
    assertThat(pg.at("/parameters/ssl_key_file").asString()).endsWith("/tls/postgres.key");
    assertThat(pg.at("/authentication/replication/sslmode").asString()).isEqualTo("verify-full");
    assertThat(pg.at("/authentication/rewind/sslmode").asString()).isEqualTo("verify-full");
    assertThat(pg.at("/authentication/replication/sslrootcert").asString()).endsWith("/tls/ca.crt");
    List<String> hba = new java.util.ArrayList<>();
    pg.path("pg_hba").forEach(line -> hba.add(line.asString()));
    assertThat(hba).noneMatch(line -> line.startsWith("host "))
        .anyMatch(line -> line.startsWith("hostssl replication replicator "))
        .contains("hostnossl all all 0.0.0.0/0 reject");
  }

  @Test
  void archivesWalThroughPgBackRestToTheWitnessAndAnEncryptedGcsRepository() throws Exception {
    ProductionRenderer.render(CONFIG, target);
    JsonNode patroni = YAML.readTree(Files.readString(target.resolve("node-a/patroni.yml")));
    assertThat(patroni.at("/postgresql/parameters/archive_mode").asString()).isEqualTo("on");
    assertThat(patroni.at("/postgresql/parameters/archive_command").asString())
        .isEqualTo("pgbackrest --config=/etc/pgbackrest/pgbackrest.conf --stanza=edge archive-push %p");

    String witness = Files.readString(target.resolve("witness/pgbackrest.conf"));
    assertThat(witness).contains("repo1-path=/var/lib/pgbackrest\n", "repo2-type=gcs\n",
        "repo2-cipher-type=aes-256-cbc\n", "repo2-gcs-bucket=prontuario-edge-backups\n",
        "[edge]\n", "pg1-host=10.20.0.11\n", "pg2-host=10.20.0.12\n");
    String node = Files.readString(target.resolve("node-b/pgbackrest.conf"));
    assertThat(node).contains("repo1-host=10.20.0.13\n", "repo2-type=gcs\n", "archive-async=y\n")
        .doesNotContain("pg1-host=");
  }
}
