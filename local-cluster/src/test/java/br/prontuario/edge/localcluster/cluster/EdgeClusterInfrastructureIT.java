package br.prontuario.edge.localcluster.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.haproxy.HaproxyConfig;
import br.prontuario.edge.localcluster.patroni.PatroniConfig;
import br.prontuario.edge.site.haproxy.HaproxyRuntimeApi;
import br.prontuario.edge.site.resp.RespClient;
import br.prontuario.edge.localcluster.tls.ClusterTrust;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The real engines without the apps: etcd x3, Patroni/PostgreSQL x2, Redis + 3 Sentinels,
 * HAProxy, checked at the SQL level. One cluster for the class; the scenarios run in order, each
 * leaving the cluster in the state the next one starts from. (Switchover and a Redis-only kill are
 * exercised with the apps, in edgectl's EdgeClusterIT.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EdgeClusterInfrastructureIT {

  private static final Duration FAILOVER = Duration.ofSeconds(60);

  private EdgeCluster cluster;

  @BeforeAll
  void startCluster() throws Exception {
    cluster = InfrastructureClusters.start("cluster-");
  }

  @AfterAll
  void stopCluster() {
    if (cluster != null) {
      cluster.stop();
    }
  }

  @Test
  @Order(1)
  void comesUpWithALeaderOnNodeAAndASynchronousStandbyOnNodeB() throws Exception {
    ClusterStatus status = cluster.status();
    assertThat(status.node("node-a").db()).isEqualTo("leader");
    assertThat(status.node("node-b").db()).isEqualTo("sync_standby");
    assertThat(status.node("node-a").redis()).isEqualTo("master");
    assertThat(status.node("node-b").redis()).isEqualTo("replica");
    assertThat(status.witness().etcd()).isEqualTo("healthy");
    try (Connection c = primary(); Statement s = c.createStatement()) {
      assertThat(value(s, "SHOW data_checksums")).isEqualTo("on");
      assertThat(value(s, "SHOW synchronous_standby_names")).contains("node-b");
      assertThat(value(s, "SELECT current_setting('data_directory')")).contains("node-a");
      s.execute("CREATE TABLE IF NOT EXISTS acked (id bigint PRIMARY KEY)");
    }
    var haproxy = HaproxyRuntimeApi.of(cluster.layout().runtimeApiAddress())
        .serverStatuses(HaproxyConfig.BACKEND);
    assertThat(haproxy).containsKeys("node-a", "node-b").containsEntry("cloud", "MAINT");
  }

  @Test
  @Order(2)
  void theEntryPointSpeaksHttpsWithTheClusterCaAndPlainHttpOnlyRedirects() throws Exception {
    var https = ClusterTrust.httpClient(cluster.tls().caCertificate()).build();
    // no apps in this cluster: HAProxy itself answers 503, over TLS, with HSTS (on its own answers too)
    HttpResponse<String> entry = https.send(
        HttpRequest.newBuilder(URI.create(cluster.layout().entrypoint() + "/health/ready")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(entry.statusCode()).isEqualTo(503);
    assertThat(entry.headers().firstValue("strict-transport-security")).hasValue("max-age=31536000");
    // an entry HAProxy on every box, each with the same certificate and backend
    assertThat(cluster.status().entries()).extracting(ClusterStatus.EntryStatus::node, ClusterStatus.EntryStatus::haproxy)
        .containsExactly(tuple("witness", "up"), tuple("node-a", "up"), tuple("node-b", "up"));
    for (String url : cluster.layout().entrypoints()) {
      assertThat(https.send(HttpRequest.newBuilder(URI.create(url + "/health/ready")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).as(url).isEqualTo(503);
    }
    assertThatThrownBy(() -> HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(cluster.layout().entrypoint())).build(),
        HttpResponse.BodyHandlers.discarding()))
        .as("the JDK's own trust store does not know the cluster CA")
        // newer JDKs wrap the handshake failure in an IOException thrown on the caller's thread
        .satisfies(thrown -> assertThat(causalChain(thrown)).hasAtLeastOneElementOfType(javax.net.ssl.SSLException.class));

    HttpResponse<String> plain = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(cluster.layout().redirectUrl() + "/api/v1/patients?q=ana")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(plain.statusCode()).isEqualTo(301);
    assertThat(plain.headers().firstValue("location"))
        .hasValue(cluster.layout().entrypoint() + "/api/v1/patients?q=ana");
    HttpResponse<String> ca = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(cluster.layout().redirectUrl() + HaproxyConfig.CA_PATH)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(ca.body()).isEqualTo(Files.readString(cluster.tls().caCertificate()));
  }

  @Test
  @Order(3)
  void killingNodeAWhileLeaderPromotesNodeBAndLosesNoAcknowledgedWrite() throws Exception {
    Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicLong next = new AtomicLong(1000);
    AtomicBoolean running = new AtomicBoolean(true);
    Thread writer = new Thread(() -> writeUntilStopped(running, next, acknowledged), "it-writer");
    writer.start();
    await().atMost(Duration.ofSeconds(20)).until(() -> acknowledged.size() >= 20);

    long killedAt = System.nanoTime();
    cluster.kill(NodeName.NODE_A);
    int beforePromotion = acknowledged.size();
    await().atMost(FAILOVER).until(() -> cluster.leader().filter(l -> l == NodeName.NODE_B).isPresent());
    await().atMost(FAILOVER).until(() -> acknowledged.size() >= beforePromotion + 20);
    System.out.printf("failover: node-b accepted writes again %d ms after node-a was killed%n",
        (System.nanoTime() - killedAt) / 1_000_000);
    running.set(false);
    writer.join(10_000);

    try (Connection c = primary(); Statement s = c.createStatement()) {
      List<Long> missing = new ArrayList<>();
      for (long id : acknowledged) {
        if (!s.executeQuery("SELECT 1 FROM acked WHERE id = " + id).next()) {
          missing.add(id);
        }
      }
      assertThat(missing).as("acknowledged but missing after failover").isEmpty();
      assertThat(value(s, "SELECT current_setting('data_directory')")).contains("node-b");
    }
    await().atMost(FAILOVER).until(() -> redisMasterPort() == cluster.layout().ports(NodeName.NODE_B).redis());
  }

  @Test
  @Order(4)
  void restartedNodeARejoinsAsAReplicaNeverASecondPrimary() throws Exception {
    cluster.start(NodeName.NODE_A);
    Set<String> rolesSeen = ConcurrentHashMap.newKeySet();
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
      String role = cluster.status().node("node-a").db();
      rolesSeen.add(role);
      rolesSeen.add("recovery=" + inRecoveryOnNodeA());
      return role.equals("sync_standby");
    });
    assertThat(rolesSeen).doesNotContain("leader", "recovery=false");
    assertThat(cluster.leader()).contains(NodeName.NODE_B);
    try (Connection c = DriverManager.getConnection(nodeUrl(NodeName.NODE_A), PatroniConfig.SUPERUSER,
        cluster.secrets().superuserPassword()); Statement s = c.createStatement()) {
      await().atMost(Duration.ofSeconds(30)).until(() -> count(s) == count());
    }
    await().atMost(FAILOVER).until(() -> "replica".equals(cluster.status().node("node-a").redis()));
  }

  private void writeUntilStopped(AtomicBoolean running, AtomicLong next, Set<Long> acknowledged) {
    while (running.get()) {
      try (Connection c = primary(); Statement s = c.createStatement()) {
        while (running.get()) {
          long id = next.getAndIncrement();
          s.executeUpdate("INSERT INTO acked VALUES (" + id + ")");
          acknowledged.add(id); // autocommit: returned = committed on the sync standby too
        }
      } catch (SQLException lostThePrimary) {
        br.prontuario.edge.localcluster.process.Pause.millis(200);
      }
    }
  }

  private int redisMasterPort() throws Exception {
    var witness = cluster.layout().ports(NodeName.WITNESS);
    String address = new RespClient(Duration.ofSeconds(2), cluster.descriptor().redis().credentials())
        .masterAddress("127.0.0.1", witness.sentinel(), "edge").orElse(null);
    return address == null ? -1 : Integer.parseInt(address.substring(address.indexOf(':') + 1));
  }

  private String inRecoveryOnNodeA() {
    try (Connection c = DriverManager.getConnection(nodeUrl(NodeName.NODE_A) + "?connectTimeout=2",
        PatroniConfig.SUPERUSER, cluster.secrets().superuserPassword()); Statement s = c.createStatement()) {
      return value(s, "SELECT pg_is_in_recovery()");
    } catch (SQLException notUpYet) {
      return "unreachable";
    }
  }

  private String nodeUrl(NodeName node) {
    return "jdbc:postgresql://127.0.0.1:" + cluster.layout().ports(node).postgres() + "/postgres";
  }

  private Connection primary() throws SQLException {
    String url = cluster.layout().jdbcUrl("postgres");
    return DriverManager.getConnection(url, PatroniConfig.SUPERUSER, cluster.secrets().superuserPassword());
  }

  private long count() throws SQLException {
    try (Connection c = primary(); Statement s = c.createStatement()) {
      return count(s);
    }
  }

  private static long count(Statement s) throws SQLException {
    ResultSet rs = s.executeQuery("SELECT count(*) FROM acked");
    rs.next();
    return rs.getLong(1);
  }

  private static String value(Statement s, String sql) throws SQLException {
    ResultSet rs = s.executeQuery(sql);
    rs.next();
    return rs.getString(1);
  }

  private static java.util.List<Throwable> causalChain(Throwable thrown) {
    java.util.List<Throwable> chain = new java.util.ArrayList<>();
    for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }
}
