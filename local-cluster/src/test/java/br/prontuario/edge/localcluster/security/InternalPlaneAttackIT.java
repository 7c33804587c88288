package br.prontuario.edge.localcluster.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.prontuario.edge.localcluster.cluster.ClusterStatus;
import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.cluster.InfrastructureClusters;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.patroni.PatroniConfig;
import br.prontuario.edge.localcluster.process.Binaries;
import br.prontuario.edge.localcluster.redis.RedisAuth;
import br.prontuario.edge.localcluster.tls.ClusterCertificates;
import br.prontuario.edge.localcluster.tls.ClusterTrust;
import br.prontuario.edge.site.patroni.PatroniCredentials;
import br.prontuario.edge.site.resp.RespClient;
import br.prontuario.edge.site.resp.RespCredentials;
import br.prontuario.edge.site.tls.ClientTls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import br.prontuario.edge.localcluster.cluster.Components;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device on the hospital network against the real local cluster (no apps): it knows every port
 * but none of the cluster's secrets. Each attempt to steer or read the internal plane is refused,
 * and the cluster is as healthy afterwards as before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InternalPlaneAttackIT {

  private static final String HOST = "127.0.0.1";
  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  private static final HttpClient DEVICE = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(3)).build();

  private EdgeCluster cluster;

  @BeforeAll
  void startCluster() throws Exception {
    cluster = InfrastructureClusters.start("attack-");
  }

  @AfterAll
  void stopCluster() {
    if (cluster != null) {
      cluster.stop();
    }
  }

  @Test
  void patroniRefusesSwitchoverRestartAndConfigWithoutOrWithWrongCredentials() throws Exception {
    String leaderApi = cluster.layout().patroniUrl(NodeName.NODE_A);
    String body = "{\"leader\":\"node-a\",\"candidate\":\"node-b\"}";
    PatroniCredentials wrong = new PatroniCredentials(cluster.secrets().patroniRestUser(), "guessed");

    assertThat(send("POST", leaderApi + "/switchover", body, null)).isEqualTo(401);
    assertThat(send("POST", leaderApi + "/switchover", body, wrong)).isEqualTo(401);
    assertThat(send("POST", leaderApi + "/failover", "{\"candidate\":\"node-b\"}", null)).isEqualTo(401);
    assertThat(send("POST", leaderApi + "/restart", "{}", null)).isEqualTo(401);
    assertThat(send("PATCH", leaderApi + "/config", "{\"ttl\":1000}", wrong)).isEqualTo(401);
    // reads stay open: the controller's probes and edgectl status need no secret
    assertThat(send("GET", leaderApi + "/cluster", null, null)).isEqualTo(200);
    // and they travel over TLS only: the same request in clear text gets no HTTP answer
    assertThat(leaderApi).startsWith("https://");
    assertThat(send("GET", leaderApi.replaceFirst("^https://", "http://") + "/cluster", null, null))
        .isEqualTo(NO_HTTP_ANSWER);

    assertHealthy();
  }

  @Test
  void redisAndTheSentinelsAnswerNothingWithoutAPasswordAndEachUserOnlyItsOwnCommands() throws Exception {
    var witness = cluster.layout().ports(NodeName.WITNESS);
    int master = cluster.layout().ports(NodeName.NODE_A).redis();
    int sentinel = witness.sentinel();
    RespClient device = new RespClient(TIMEOUT);
    RedisAuth auth = RedisAuth.of(cluster.secrets());

    assertRefused(() -> device.call(HOST, master, "PING"), "NOAUTH");
    assertRefused(() -> device.call(HOST, master, "GET", "refresh:any"), "NOAUTH");
    assertRefused(() -> device.call(HOST, sentinel, "PING"), "NOAUTH");
    assertRefused(() -> device.call(HOST, sentinel, "SENTINEL", "FAILOVER", "edge"), "NOAUTH");
    assertRefused(() -> new RespClient(TIMEOUT, new RespCredentials(RedisAuth.EDGE_NODE, "guessed"))
        .call(HOST, master, "PING"), "WRONGPASS");

    // the controller's user reads roles and asks who is master, nothing more
    RespClient controller = new RespClient(TIMEOUT, auth.controller());
    assertRefused(() -> controller.call(HOST, sentinel, "SENTINEL", "FAILOVER", "edge"), "NOPERM");
    assertRefused(() -> controller.call(HOST, sentinel, "SENTINEL", "SET", "edge", "quorum", "1"), "NOPERM");
    assertRefused(() -> controller.call(HOST, master, "GET", "refresh:any"), "NOPERM");
    assertRefused(() -> controller.call(HOST, master, "CONFIG", "SET", "maxmemory", "1"), "NOPERM");
    // the apps' user: their own keys, no administration
    RespClient app = new RespClient(TIMEOUT, auth.edgeNode());
    assertRefused(() -> app.call(HOST, master, "GET", "patient:1"), "NOPERM");
    assertRefused(() -> app.call(HOST, master, "FLUSHALL"), "NOPERM");
    assertRefused(() -> app.call(HOST, master, "REPLICAOF", HOST, "1"), "NOPERM");
    assertRefused(() -> app.call(HOST, sentinel, "SENTINEL", "FAILOVER", "edge"), "NOPERM");
    // Redis and Sentinel rewrite their files 0644 (CONFIG REWRITE, FLUSHCONFIG), masterauth and
    // auth-pass included: the folders let nobody else in
    for (NodeName node : NodeName.values()) {
      for (String component : node.isDataNode() ? List.of(Components.REDIS, Components.SENTINEL)
          : List.of(Components.SENTINEL)) {
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
            java.nio.file.Files.getPosixFilePermissions(cluster.dir(node, component))))
            .as("%s's %s folder", node.id(), component).isEqualTo("rwx------");
      }
    }
    // the operators' rotation user changes passwords (ACL users, what the servers send each
    // other) and nothing else: no keys, no reading the configuration, no failover, no replication
    RespClient operations = new RespClient(TIMEOUT, auth.operations());
    assertRefused(() -> operations.call(HOST, master, "GET", "refresh:any"), "NOPERM");
    assertRefused(() -> operations.call(HOST, master, "FLUSHALL"), "NOPERM");
    assertRefused(() -> operations.call(HOST, master, "CONFIG", "GET", "masterauth"), "NOPERM");
    assertRefused(() -> operations.call(HOST, master, "REPLICAOF", HOST, "1"), "NOPERM");
    assertRefused(() -> operations.call(HOST, master, "SHUTDOWN", "NOSAVE"), "NOPERM");
    assertRefused(() -> operations.call(HOST, sentinel, "SENTINEL", "FAILOVER", "edge"), "NOPERM");
    assertRefused(() -> operations.call(HOST, sentinel, "SENTINEL", "REMOVE", "edge"), "NOPERM");

    assertHealthy();
  }

  @Test
  void etcdRefusesEveryClientWithoutACertificateFromTheClusterCa(@TempDir Path elsewhere) throws Exception {
    String member = cluster.layout().etcdClientUrls().get(NodeName.WITNESS.ordinal());
    String leaderKey = member + "/v2/keys/service/" + cluster.config().patroni().scope() + "/leader";
    ClientTls operations = cluster.etcdTls();
    // a device that trusts the cluster's CA (it is public) but has no client certificate
    HttpClient noCertificate = HttpClient.newBuilder().connectTimeout(TIMEOUT)
        .sslContext(ClusterTrust.sslContext(operations.caCertificate())).build();
    // a certificate another CA signed, presented with the cluster's CA trusted
    var other = ClusterCertificates.ensure(elsewhere);
    HttpClient foreignCertificate = new ClientTls(operations.caCertificate(),
        other.etcdClient(ClusterCertificates.ETCD_OPERATIONS).certificate(),
        other.etcdClient(ClusterCertificates.ETCD_OPERATIONS).key()).httpClient(TIMEOUT);

    for (HttpClient device : List.of(noCertificate, foreignCertificate)) {
      assertThatThrownBy(() -> device.send(HttpRequest.newBuilder(URI.create(leaderKey)).DELETE()
          .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
      assertThatThrownBy(() -> device.send(HttpRequest.newBuilder(URI.create(member + "/health"))
          .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }
    // clear text gets no further than the TLS listener, which hangs up
    assertThatThrownBy(() -> DEVICE.send(HttpRequest.newBuilder(
        URI.create(leaderKey.replace("https://", "http://"))).DELETE().timeout(TIMEOUT).build(),
        HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    // etcd's own client, as an operator would try it: no certificate, no answer
    Path etcdctl = Binaries.require("etcdctl", "etcd-client", "etcd");
    List<String> base = List.of(etcdctl.toString(), "--endpoints=" + member,
        "--cacert=" + operations.caCertificate(), "--dial-timeout=3s", "--command-timeout=5s");
    Run refused = run(base, List.of("del", "--prefix", "/"));
    assertThat(refused.exit()).as(refused.output()).isNotZero();
    System.out.println("etcdctl without a certificate: " + refused.output().strip());
    // the same command line with the operators' certificate works (reads only)
    Run allowed = run(base, List.of("--cert=" + operations.certificate(), "--key=" + operations.key(),
        "get", "--prefix", "--keys-only", "/"));
    assertThat(allowed.exit()).as(allowed.output()).isZero();

    // what Patroni and the controller hold is still there, readable with the cluster's certificate
    HttpResponse<String> leader = operations.httpClient(TIMEOUT).send(HttpRequest.newBuilder(
        URI.create(leaderKey)).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(leader.statusCode()).isEqualTo(200);
    assertThat(leader.body()).contains("\"value\":\"node-a\"");
    assertHealthy();
  }

  private record Run(int exit, String output) {}

  private static Run run(List<String> base, List<String> args) throws Exception {
    List<String> command = new java.util.ArrayList<>(base);
    command.addAll(args);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    return new Run(process.waitFor(), output);
  }

  @Test
  void postgresqlAsksEveryoneForAPasswordTrustsNoLineAndTheAppUserIsNoSuperuser() throws Exception {
    for (NodeName node : List.of(NodeName.NODE_A, NodeName.NODE_B)) {
      String url = "jdbc:postgresql://" + HOST + ":" + cluster.layout().ports(node).postgres()
          + "/postgres?connectTimeout=5";
      assertThatThrownBy(() -> DriverManager.getConnection(url, PatroniConfig.SUPERUSER, ""))
          .isInstanceOf(SQLException.class).hasMessageContaining("password");
      assertThatThrownBy(() -> DriverManager.getConnection(url, PatroniConfig.SUPERUSER, "guessed"))
          .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
      assertThatThrownBy(() -> DriverManager.getConnection(url, PatroniConfig.REPLICATION_USER, "guessed"))
          .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
      try (Connection c = DriverManager.getConnection(url, PatroniConfig.SUPERUSER,
          cluster.secrets().superuserPassword()); Statement s = c.createStatement()) {
        ResultSet rules = s.executeQuery("SELECT count(*) FILTER (WHERE auth_method = 'trust'),"
            + " count(*) FROM pg_hba_file_rules WHERE error IS NULL");
        rules.next();
        assertThat(rules.getLong(1)).as("trust lines on " + node).isZero();
        assertThat(rules.getLong(2)).as("rules on " + node).isPositive();
        ResultSet app = s.executeQuery("SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolreplication"
            + " OR rolbypassrls FROM pg_roles WHERE rolname = '" + cluster.config().postgres().appUser() + "'");
        assertThat(app.next()).isTrue();
        assertThat(app.getBoolean(1)).as("the app user holds an administrative attribute").isFalse();
        // the records database belongs to the owner role the migrations use, not to the app's
        ResultSet owner = s.executeQuery("SELECT pg_get_userbyid(datdba) FROM pg_database"
            + " WHERE datname = '" + cluster.config().postgres().database() + "'");
        assertThat(owner.next()).isTrue();
        assertThat(owner.getString(1)).isEqualTo(cluster.config().postgres().ownerUser());
      }
    }
    assertHealthy();
  }

  @Test
  void postgresqlRefusesEveryConnectionWithoutTlsAndReplicatesOverTls(@TempDir Path elsewhere)
      throws Exception {
    String appUser = cluster.config().postgres().appUser();
    for (NodeName node : List.of(NodeName.NODE_A, NodeName.NODE_B)) {
      String base = "jdbc:postgresql://" + HOST + ":" + cluster.layout().ports(node).postgres()
          + "/" + cluster.config().postgres().database() + "?connectTimeout=5";
      // the right password is not enough in clear text
      assertThatThrownBy(() -> DriverManager.getConnection(base + "&sslmode=disable", appUser,
          cluster.secrets().appPassword()))
          .isInstanceOf(SQLException.class).hasMessageContaining("no encryption");
      assertThatThrownBy(() -> DriverManager.getConnection(base + "&sslmode=disable",
          PatroniConfig.REPLICATION_USER, cluster.secrets().replicationPassword()))
          .isInstanceOf(SQLException.class).hasMessageContaining("no encryption");
      // a client that checks the server's certificate against the cluster's CA gets in
      String verified = base + "&sslmode=verify-full&sslrootcert=" + cluster.tls().caCertificate();
      try (Connection c = DriverManager.getConnection(verified, appUser, cluster.secrets().appPassword());
          Statement s = c.createStatement();
          ResultSet ssl = s.executeQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
        assertThat(ssl.next()).isTrue();
        assertThat(ssl.getBoolean(1)).as("the app's own connection to " + node).isTrue();
      }
    }
    // the operators' tools (edgectl, the drill, cluster.json's URL) check the server's certificate
    // as edge-node does: a server without one the cluster's CA signed gets no password exchange
    String operators = cluster.descriptor().database().jdbcUrl();
    try (Connection c = DriverManager.getConnection(operators, PatroniConfig.SUPERUSER,
        cluster.secrets().superuserPassword()); Statement s = c.createStatement();
        ResultSet ssl = s.executeQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
      assertThat(ssl.next()).isTrue();
      assertThat(ssl.getBoolean(1)).as("the operators' connection").isTrue();
    }
    String anotherCa = ClusterCertificates.ensure(elsewhere).caCertificate().toString();
    String trustingAnotherCa = operators.replace(cluster.tls().caCertificate().toString(), anotherCa);
    assertThat(trustingAnotherCa).as("cluster.json's URL names the CA it checks against")
        .isNotEqualTo(operators);
    assertThatThrownBy(() -> DriverManager.getConnection(trustingAnotherCa, PatroniConfig.SUPERUSER,
        cluster.secrets().superuserPassword())).isInstanceOf(SQLException.class);
    String leaderUrl = "jdbc:postgresql://" + HOST + ":"
        + cluster.layout().ports(NodeName.NODE_A).postgres() + "/postgres?connectTimeout=5";
    try (Connection c = DriverManager.getConnection(leaderUrl, PatroniConfig.SUPERUSER,
        cluster.secrets().superuserPassword()); Statement s = c.createStatement()) {
      ResultSet replication = s.executeQuery("SELECT count(*), count(*) FILTER (WHERE s.ssl)"
          + " FROM pg_stat_replication r JOIN pg_stat_ssl s USING (pid)");
      replication.next();
      assertThat(replication.getLong(1)).as("node-b streams from node-a").isPositive();
      assertThat(replication.getLong(2)).as("streams over TLS").isEqualTo(replication.getLong(1));
      ResultSet plain = s.executeQuery("SELECT count(*) FROM pg_hba_file_rules"
          + " WHERE type = 'host' AND error IS NULL");
      plain.next();
      assertThat(plain.getLong(1)).as("pg_hba lines that accept clear text").isZero();
    }
    assertHealthy();
  }

  private static void assertRefused(Callable<Object> command, String error) {
    assertThatThrownBy(command::call).isInstanceOf(IOException.class).hasMessageContaining(error);
  }

  /** Same leader, a synchronous standby, Redis replicating, etcd healthy: nothing moved. */
  private void assertHealthy() {
    ClusterStatus status = cluster.status();
    assertThat(status.node("node-a").db()).isEqualTo("leader");
    assertThat(status.node("node-b").db()).isEqualTo("sync_standby");
    assertThat(status.node("node-a").redis()).isEqualTo("master");
    assertThat(status.node("node-b").redis()).isEqualTo("replica");
    assertThat(status.witness().etcd()).isEqualTo("healthy");
  }

  private static final int NO_HTTP_ANSWER = 0;

  /**
   * What a device on the hospital network gets from Patroni with curl: the HTTP status, or
   * {@link #NO_HTTP_ANSWER}. It trusts the cluster's CA (the CA is public) but has no secret.
   */
  private int send(String method, String url, String json, PatroniCredentials credentials)
      throws Exception {
    List<String> curl = new java.util.ArrayList<>(List.of("curl", "-s", "-o", "/dev/null",
        "-w", "%{http_code}", "--max-time", "10", "--cacert", cluster.tls().caCertificate().toString(),
        "-X", method, "-H", "Content-Type: application/json"));
    if (json != null) {
      curl.addAll(List.of("--data", json));
    }
    if (credentials != null) {
      curl.addAll(List.of("-H", "Authorization: " + credentials.basicAuthorization()));
    }
    curl.add(url);
    Run run = run(curl, List.of());
    return Integer.parseInt(run.output().strip());
  }
}
