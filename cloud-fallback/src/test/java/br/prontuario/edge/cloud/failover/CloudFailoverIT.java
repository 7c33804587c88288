package br.prontuario.edge.cloud.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import br.prontuario.edge.cloud.CloudFallbackApplication;
import br.prontuario.edge.cloud.support.ClinicalFixtures;
import br.prontuario.edge.cloud.support.CloudFallbackTest;
import br.prontuario.edge.common.security.JwtService;
import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.localcluster.cloud.CloudDataPlane;
import br.prontuario.edge.site.patroni.PatroniClient;
import br.prontuario.edge.site.patroni.PatroniCredentials;
import br.prontuario.edge.localcluster.cloud.CloudFailback;
import br.prontuario.edge.localcluster.cloud.FailbackResult;
import br.prontuario.edge.localcluster.cloud.CloudSite;
import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.ClusterConfigLoader;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.tls.ClusterCertificates;
import br.prontuario.edge.testsupport.http.TestHttp;
import br.prontuario.edge.testsupport.servers.SharedRedis;
import br.prontuario.edge.site.activation.ActivationOutcome;
import br.prontuario.edge.site.failback.MergeReport;
import br.prontuario.edge.site.activation.ForkPoint;
import br.prontuario.edge.site.cluster.ClusterDescriptor;
import br.prontuario.edge.site.haproxy.CloudRoute;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The whole emergency path on the real local topology (etcd x3, Patroni/PostgreSQL on node-a and
 * node-b, the witness HAProxy) plus the cloud site (own etcd, replication gateway, Patroni standby
 * cluster, cloud-fallback): both edge nodes die, the cloud is activated and serves clinicians
 * through the entry HAProxy, emergency writes happen there, the edge comes back, failback merges
 * them exactly once, routes back and re-seeds the cloud standby. The edge-node apps are not
 * started (infrastructure cluster): edge writes go straight to PostgreSQL.
 */
class CloudFailoverIT {

  @Test
  void bothNodesLostCloudServesAndFailbackBringsEveryEmergencyWriteHomeOnce() throws Exception {
    Path module = Path.of(System.getProperty("user.dir"));
    Path repo = module.getParent();
    Path state = Files.createDirectories(module.resolve("target")
        .resolve("cf-" + UUID.randomUUID().toString().substring(0, 8)));
    EdgeCluster cluster = EdgeCluster.infrastructureAt(state,
        ClusterConfigLoader.loadFromRepository(repo), repo);
    try {
      cluster.start();
      ClusterDescriptor.Database db = cluster.descriptor().database();
      String database = cluster.config().postgres().database();
      // as edge-node does: the owner migrates, the app's role (db) only reads and writes rows
      Flyway.configure().dataSource(db.jdbcUrl(), cluster.config().postgres().ownerUser(),
          cluster.secrets().ownerPassword())
          .locations(CloudFallbackTest.MIGRATIONS.split(",")).load().migrate();
      JdbcTemplate edgeDb = new JdbcTemplate(
          new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password()));
      UUID patient = new ClinicalFixtures(edgeDb).patient("Benedita Crash", "98765432100");
      new ClinicalFixtures(edgeDb).entry(patient, "allergies",
          "{\"substance\":\"Latex\",\"severity\":\"severe\",\"status\":\"active\"}");

      CloudDataPlane cloud = CloudSite.dataPlane(cluster).start(Duration.ofSeconds(120));
      theCloudSiteTakesNothingInClearTextNorWithoutCredentials(cluster, cloud, database,
          state.resolve("another-ca"));
      CloudRoute entry = CloudRoute.at(cluster.layout().runtimeApiAddress());
      JdbcTemplate cloudDb = new JdbcTemplate(new DriverManagerDataSource(
          cloud.jdbcUrl(database), db.username(), db.password()));
      try (ConfigurableApplicationContext app = cloudFallback(cloud, db, database)) {
        TestHttp direct = new TestHttp(cloud.ports().app());
        TestHttp viaEntry = new TestHttp(cluster.layout().entrypoint(), cluster.tls().caCertificate());
        String physician = app.getBean(JwtService.class)
            .issue("dr.plantao", EnumSet.of(Role.PHYSICIAN)).token();

        // a standby following the edge leader: not ready, API closed, replication delay measured
        assertThat(direct.get("/health/ready", null).status()).isEqualTo(503);
        assertThat(direct.get("/api/v1/mode", physician).status()).isEqualTo(503);
        await().atMost(Duration.ofSeconds(30)).until(() -> delay(direct) != null);

        // clinicians keep writing on the edge until both Mac Studios die
        ConcurrentLinkedDeque<Acked> acked = new ConcurrentLinkedDeque<>();
        AtomicBoolean edgeUp = new AtomicBoolean(true);
        Thread writer = new Thread(() -> writeUntilDown(edgeDb, patient, acked, edgeUp));
        writer.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> acked.size() >= 20);
        Double delayAtCrash = delay(direct);
        Instant crash = Instant.now();
        cluster.kill(NodeName.NODE_A);
        cluster.kill(NodeName.NODE_B);
        edgeUp.set(false);
        writer.join();

        ActivationOutcome activated = cloud.activation(database, Clock.systemUTC())
            .activate(() -> CloudSite.routeToCloud(entry, cloud.ports().app()),
                Duration.ofSeconds(60));
        assertThat(activated).isInstanceOf(ActivationOutcome.Activated.class);
        ForkPoint fork = ((ActivationOutcome.Activated) activated).fork().orElseThrow();
        await().atMost(Duration.ofSeconds(60))
            .until(() -> viaEntry.get("/health/ready", null).status() == 200);
        Instant serving = Instant.now();

        // every write acknowledged before (crash - measured delay) is in the cloud
        List<UUID> cloudNotes = cloudDb.queryForList("SELECT id FROM notes", UUID.class);
        Instant safe = crash.minusMillis((long) (delayAtCrash * 1000) + 1000);
        assertThat(cloudNotes).containsAll(acked.stream().filter(a -> a.at.isBefore(safe))
            .map(a -> a.id).toList());
        report(fork, crash, serving, acked, cloudNotes, delayAtCrash);

        // emergency lookup through the entry point, then emergency writes in the cloud
        TestHttp.Reply found = viaEntry.get("/api/v1/patients?q=98765432100", physician);
        assertThat(found.header("X-Service-Mode")).isEqualTo("emergency");
        assertThat(found.json().get("patients").findValuesAsString("id"))
            .containsExactly(patient.toString());
        assertThat(viaEntry.get("/api/v1/patients/" + patient + "/summary", physician).json()
            .get("allergies").findValuesAsString("substance")).containsExactly("Latex");
        UUID note = created(viaEntry.post("/api/v1/patients/" + patient + "/notes", physician,
            Map.of("type", "evolucao", "text", "Atendida em modo de emergencia")), "note");
        UUID alert = created(viaEntry.post("/api/v1/patients/" + patient + "/alerts", physician,
            Map.of("kind", "other", "message", "Dialise atrasada")), "alert");

        // the Mac Studios come back; failback
        cluster.start(NodeName.NODE_A);
        cluster.start(NodeName.NODE_B);
        await().atMost(Duration.ofSeconds(90)).until(() -> cluster.leader().isPresent());
        CloudFailback failback = new CloudFailback(cloud, database, new CloudFailback.CloudApp(
            "http://127.0.0.1:" + cloud.ports().app(), CloudFallbackTest.SECRET), Clock.systemUTC());
        FailbackResult.FailedBack first = failedBack(failback.run(entry, Duration.ofSeconds(120)));
        assertThat(first.recordedFork()).isEmpty();
        assertThat(first.merged().notes()).contains(note.toString());
        assertThat(first.merged().entries()).extracting(MergeReport.MergedEntry::id)
            .contains(alert.toString());

        assertThat(count(edgeDb, "notes", note)).isEqualTo(1);
        assertThat(count(edgeDb, "clinical_entries", alert)).isEqualTo(1);
        assertThat(edgeDb.queryForList("SELECT action FROM audit_log WHERE resource_id = ?",
            String.class, note.toString())).contains("merged-from-cloud:emergency.note.create");
        assertThat(entry.cloudInMaintenance()).isTrue();
        assertThat(cloud.isStreamingStandby()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> cloudDb.queryForObject(
            "SELECT count(*) FROM notes WHERE id = ?", Integer.class, note) == 1);
        await().atMost(Duration.ofSeconds(10))
            .until(() -> direct.get("/health/ready", null).status() == 503);

        FailbackResult second = failback.run(entry, Duration.ofSeconds(120));
        assertThat(second).isInstanceOf(FailbackResult.NothingToFailBack.class);
        assertThat(count(edgeDb, "notes", note)).isEqualTo(1);
        assertThat(count(edgeDb, "clinical_entries", alert)).isEqualTo(1);

        // a second emergency, promoted the failover controller's way (Patroni PATCH /config, no
        // fork point written here): failback records a new fork instead of reusing the merged one
        PatroniClient cloudPatroni = new PatroniClient(Duration.ofSeconds(5), cloud.restCredentials(),
            cluster.tls().caCertificate());
        String cloudPatroniUrl = cloud.patroniUrl();
        // the re-seeded member answers 503 until its bootstrap has stored the configuration
        await().atMost(Duration.ofSeconds(60))
            .until(() -> cloudPatroni.removeStandbyCluster(cloudPatroniUrl).accepted());
        await().atMost(Duration.ofSeconds(60))
            .until(() -> direct.get("/health/ready", null).status() == 200);
        UUID later = created(direct.post("/api/v1/patients/" + patient + "/notes", physician,
            Map.of("type", "evolucao", "text", "Segunda emergencia")), "note");
        FailbackResult.FailedBack third = failedBack(failback.run(entry, Duration.ofSeconds(120)));
        assertThat(third.recordedFork()).isPresent();
        assertThat(forkIdOf(third)).isNotEqualTo(forkIdOf(first));
        assertThat(third.merged().notes()).contains(later.toString()).doesNotContain(note.toString());
        assertThat(count(edgeDb, "notes", later)).isEqualTo(1);
        assertThat(count(edgeDb, "notes", note)).isEqualTo(1);
        assertThat(cloud.isStreamingStandby()).isTrue();
      }
    } finally {
      cluster.stop();
    }
  }

  /**
   * Issue 15 on the cloud site, as a device on the network would try it: the Patroni REST API
   * speaks TLS only and refuses the promotion without its user; PostgreSQL refuses a connection
   * without TLS even with the right password, and every session that gets in is encrypted.
   */
  private static void theCloudSiteTakesNothingInClearTextNorWithoutCredentials(EdgeCluster cluster,
      CloudDataPlane cloud, String database, Path elsewhere) throws Exception {
    assertThat(cloud.patroniUrl()).startsWith("https://");
    PatroniClient anonymous = new PatroniClient(Duration.ofSeconds(5), PatroniCredentials.NONE,
        cluster.tls().caCertificate());
    assertThat(anonymous.removeStandbyCluster(cloud.patroniUrl()).accepted()).isFalse();
    assertThat(anonymous.node(cloud.patroniUrl())).isPresent(); // reads stay open for probes
    assertThat(new PatroniClient(Duration.ofSeconds(5), cloud.restCredentials())
        .node(cloud.patroniUrl().replace("https://", "http://"))).isEmpty();
    assertThat(cloud.isStandby()).isTrue();

    ClusterDescriptor.Database db = cluster.descriptor().database();
    String server = "jdbc:postgresql://127.0.0.1:" + cloud.ports().postgres() + "/" + database;
    assertThatThrownBy(() -> DriverManager.getConnection(server + "?sslmode=disable", db.username(),
        db.password()).close()).hasMessageContaining("no encryption");
    // what cloud-fallback and the activation connect with checks the server against the cluster CA
    String url = cloud.jdbcUrl(database);
    try (Connection c = DriverManager.getConnection(url, db.username(), db.password());
        ResultSet r = c.createStatement().executeQuery(
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
      assertThat(r.next() && r.getBoolean(1)).isTrue();
    }
    String trustingAnotherCa = url.replace(cluster.tls().caCertificate().toString(),
        ClusterCertificates.ensure(elsewhere).caCertificate().toString());
    assertThat(trustingAnotherCa).isNotEqualTo(url);
    assertThatThrownBy(() -> DriverManager.getConnection(trustingAnotherCa, db.username(),
        db.password()).close()).isInstanceOf(java.sql.SQLException.class);
  }

  /** The report written beside the fork point names the merge's fork id. */
  private static String forkIdOf(FailbackResult.FailedBack failedBack) throws Exception {
    String report = Files.readString(failedBack.report());
    String forkId = tools.jackson.databind.json.JsonMapper.shared().readTree(report)
        .path("forkId").asString("");
    assertThat(forkId).as(report).matches("[0-9a-f-]{36}").isEqualTo(failedBack.merged().forkId());
    return forkId;
  }

  private static FailbackResult.FailedBack failedBack(FailbackResult result) {
    assertThat(result).isInstanceOf(FailbackResult.FailedBack.class);
    return (FailbackResult.FailedBack) result;
  }

  private record Acked(UUID id, Instant at) {}

  private static void writeUntilDown(JdbcTemplate edgeDb, UUID patient,
      ConcurrentLinkedDeque<Acked> acked, AtomicBoolean edgeUp) {
    while (edgeUp.get()) {
      try {
        UUID id = new ClinicalFixtures(edgeDb).note(patient, "evolucao", "ronda");
        acked.add(new Acked(id, Instant.now()));
        Thread.sleep(50);
      } catch (RuntimeException e) {
        return; // the edge is gone: nothing more is acknowledged
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static void report(ForkPoint fork, Instant crash, Instant serving,
      ConcurrentLinkedDeque<Acked> acked, List<UUID> cloudNotes, double delayAtCrash) {
    Instant newestInCloud = acked.stream().filter(a -> cloudNotes.contains(a.id))
        .map(a -> a.at).max(Instant::compareTo).orElseThrow();
    Instant newestAcked = acked.stream().map(a -> a.at).max(Instant::compareTo).orElseThrow();
    System.out.printf("cloud activation: %.2f s (PATCH /config to routed); crash to serving"
        + " through HAProxy %.2f s; RPO: %d ms of acknowledged edge writes missing (replication"
        + " delay at crash %.3f s); %d/%d writes in the cloud%n", fork.activationSeconds(),
        Duration.between(crash, serving).toMillis() / 1000.0,
        Duration.between(newestInCloud, newestAcked).toMillis(), delayAtCrash,
        acked.stream().filter(a -> cloudNotes.contains(a.id)).count(), acked.size());
  }

  private static ConfigurableApplicationContext cloudFallback(CloudDataPlane cloud,
      ClusterDescriptor.Database db, String database) {
    return new SpringApplicationBuilder(CloudFallbackApplication.class).properties(Map.of(
        "server.port", cloud.ports().app(),
        "spring.datasource.url", cloud.jdbcUrl(database),
        "spring.datasource.username", db.username(),
        "spring.datasource.password", db.password(),
        "spring.data.redis.host", "127.0.0.1",
        "spring.data.redis.port", SharedRedis.server().port(),
        "edge.security.jwt-secret", CloudFallbackTest.SECRET,
        "cloud.replication.edge-jdbc-url", cloud.edgeJdbcUrl(database),
        "cloud.replication.edge-username", db.username(),
        "cloud.replication.edge-password", db.password())).run();
  }

  private static Double delay(TestHttp app) {
    for (String line : app.get("/metrics", null).body().split("\n")) {
      if (line.startsWith("cloud_replication_delay_seconds") && !line.endsWith("NaN")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return null;
  }

  private static UUID created(TestHttp.Reply reply, String field) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return UUID.fromString(reply.json().get(field).get("id").asString());
  }

  private static int count(JdbcTemplate db, String table, UUID id) {
    return db.queryForObject("SELECT count(*) FROM " + table + " WHERE id = ?", Integer.class, id);
  }
}
