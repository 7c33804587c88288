package br.prontuario.edge.cloud.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.prontuario.edge.cloud.CloudFallbackApplication;
import br.prontuario.edge.cloud.support.ClinicalFixtures;
import br.prontuario.edge.cloud.support.CloudFallbackTest;
import br.prontuario.edge.cloud.support.Http;
import br.prontuario.edge.common.security.JwtService;
import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.localcluster.cloud.CloudActivation;
import br.prontuario.edge.localcluster.cloud.CloudDataPlane;
import br.prontuario.edge.localcluster.cloud.CloudFailback;
import br.prontuario.edge.localcluster.cloud.EdgeUpstream;
import br.prontuario.edge.localcluster.cloud.ForkPoint;
import br.prontuario.edge.localcluster.cloud.HaproxyCommands;
import br.prontuario.edge.localcluster.cloud.StandbyCredentials;
import br.prontuario.edge.localcluster.postgres.PostgresServer;
import br.prontuario.edge.localcluster.redis.SharedRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
 * The whole emergency path with real processes: the edge primary dies, the cloud standby (Patroni,
 * own etcd, following the edge through the replication gateway) is activated, clinicians reach
 * cloud-fallback through the entry HAProxy, write in the cloud, the edge comes back, failback
 * merges the writes exactly once, routes back and re-seeds the cloud as a standby again.
 *
 * <p>The edge here is one standalone PostgreSQL ("both nodes" = the only node), not the two-node
 * Patroni cluster; see docs/failback.md for what that leaves untested.
 */
class CloudFailoverIT {

  private static final String DB = "prontuario";

  @Test
  void edgeLostCloudServesAndFailbackBringsEveryEmergencyWriteHomeOnce() throws Exception {
    // not createTempDirectory: 0700 would keep the database user out
    Path base = Files.createDirectories(Path.of("target", "cf-" + UUID.randomUUID().toString().substring(0, 8)))
        .toAbsolutePath();
    PostgresServer edge = PostgresServer.start(base.resolve("edge"));
    int edgePort = edge.port();
    String edgeUrl = edge.createDatabase(DB);
    Flyway.configure().dataSource(edgeUrl, "postgres", "")
        .locations(CloudFallbackTest.MIGRATIONS.split(",")).load().migrate();
    JdbcTemplate edgeDb = new JdbcTemplate(new DriverManagerDataSource(edgeUrl, "postgres", ""));
    UUID patient = new ClinicalFixtures(edgeDb).patient("Benedita Crash", "98765432100");
    new ClinicalFixtures(edgeDb).entry(patient, "allergies",
        "{\"substance\":\"Latex\",\"severity\":\"severe\",\"status\":\"active\"}");

    try (CloudDataPlane cloud = new CloudDataPlane(base.resolve("cloud"),
            List.of(new EdgeUpstream("edge", "127.0.0.1", edgePort, null)),
            StandbyCredentials.trust()).start(Duration.ofSeconds(90));
        EntryHaproxy entry = new EntryHaproxy(base.resolve("entry"), edgePort);
        ConfigurableApplicationContext app = cloudFallback(cloud)) {
      Http direct = new Http(cloud.ports().app());
      Http viaEntry = new Http(entry.entryPort);
      String physician = app.getBean(JwtService.class)
          .issue("dr.plantao", EnumSet.of(Role.PHYSICIAN)).token();

      // a standby: not ready, API closed, replication delay measured
      assertThat(direct.get("/health/ready", null).status()).isEqualTo(503);
      assertThat(direct.get("/api/v1/mode", physician).status()).isEqualTo(503);
      await().atMost(Duration.ofSeconds(30)).until(() -> delay(direct) != null);

      // clinicians keep writing on the edge until it dies
      ConcurrentLinkedDeque<Acked> acked = new ConcurrentLinkedDeque<>();
      AtomicBoolean edgeUp = new AtomicBoolean(true);
      Thread writer = new Thread(() -> writeUntilDown(edgeDb, patient, acked, edgeUp));
      writer.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> acked.size() >= 20);
      Double delayAtCrash = delay(direct);
      Instant crash = Instant.now();
      ProcessHandle.of(edge.postmasterPid()).ifPresent(ProcessHandle::destroyForcibly);
      edgeUp.set(false);
      writer.join();

      ForkPoint fork = new CloudActivation(cloud, DB, Clock.systemUTC())
          .activate(HaproxyCommands.at(entry.runtimeApi()), "127.0.0.1", cloud.ports().app(),
              Duration.ofSeconds(60));
      await().atMost(Duration.ofSeconds(30))
          .until(() -> viaEntry.get("/health/ready", null).status() == 200);
      Instant serving = Instant.now();

      // every write acknowledged before (crash - measured delay) is in the cloud
      List<UUID> cloudNotes = new JdbcTemplate(new DriverManagerDataSource(cloud.jdbcUrl(DB),
          "postgres", "")).queryForList("SELECT id FROM notes", UUID.class);
      Instant safe = crash.minusMillis((long) (delayAtCrash * 1000) + 1000);
      assertThat(cloudNotes).containsAll(acked.stream().filter(a -> a.at.isBefore(safe))
          .map(a -> a.id).toList());
      Instant newestInCloud = acked.stream().filter(a -> cloudNotes.contains(a.id))
          .map(a -> a.at).max(Instant::compareTo).orElseThrow();
      Instant newestAcked = acked.stream().map(a -> a.at).max(Instant::compareTo).orElseThrow();
      System.out.printf("cloud activation: %.2f s (PATCH /config to routed), crash to serving"
          + " through HAProxy %.2f s; RPO: %d ms of acknowledged edge writes missing (replication"
          + " delay at crash %.3f s); %d/%d writes in the cloud%n", fork.activationSeconds(),
          Duration.between(crash, serving).toMillis() / 1000.0,
          Duration.between(newestInCloud, newestAcked).toMillis(), delayAtCrash,
          acked.stream().filter(a -> cloudNotes.contains(a.id)).count(), acked.size());

      // emergency lookup through the entry point, then emergency writes in the cloud
      Http.Reply found = viaEntry.get("/api/v1/patients?q=98765432100", physician);
      assertThat(found.header("X-Service-Mode")).isEqualTo("emergency");
      assertThat(found.json().get("patients").findValuesAsString("id")).containsExactly(patient.toString());
      assertThat(viaEntry.get("/api/v1/patients/" + patient + "/summary", physician).json()
          .get("allergies").findValuesAsString("substance")).containsExactly("Latex");
      UUID note = created(viaEntry.post("/api/v1/patients/" + patient + "/notes", physician,
          Map.of("type", "evolucao", "text", "Atendida em modo de emergencia")), "note");
      UUID alert = created(viaEntry.post("/api/v1/patients/" + patient + "/alerts", physician,
          Map.of("kind", "other", "message", "Dialise atrasada")), "alert");

      // the edge comes back at the same address; failback
      PostgresServer restarted = PostgresServer.start(base.resolve("edge"), edgePort);
      try {
        CloudFailback failback = new CloudFailback(cloud, DB, new CloudFailback.CloudApp(
            "http://127.0.0.1:" + cloud.ports().app(), CloudFallbackTest.SECRET), Clock.systemUTC());
        CloudFailback.Result first = failback.run(HaproxyCommands.at(entry.runtimeApi()),
            Duration.ofSeconds(120));
        assertThat(first.merged()).isTrue();
        assertThat(first.json()).contains(note.toString(), alert.toString());

        assertThat(count(edgeDb, "notes", note)).isEqualTo(1);
        assertThat(count(edgeDb, "clinical_entries", alert)).isEqualTo(1);
        assertThat(HaproxyCommands.at(entry.runtimeApi()).cloudInMaintenance()).isTrue();
        assertThat(cloud.isStreamingStandby()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> new JdbcTemplate(
            new DriverManagerDataSource(cloud.jdbcUrl(DB), "postgres", "")).queryForObject(
                "SELECT count(*) FROM notes WHERE id = ?", Integer.class, note) == 1);
        await().atMost(Duration.ofSeconds(10))
            .until(() -> direct.get("/health/ready", null).status() == 503);

        CloudFailback.Result second = failback.run(HaproxyCommands.at(entry.runtimeApi()),
            Duration.ofSeconds(120));
        assertThat(second.merged()).isFalse();
        assertThat(count(edgeDb, "notes", note)).isEqualTo(1);
        assertThat(count(edgeDb, "clinical_entries", alert)).isEqualTo(1);
      } finally {
        restarted.close();
      }
    } finally {
      edge.close();
    }
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

  private static ConfigurableApplicationContext cloudFallback(CloudDataPlane cloud) {
    return new SpringApplicationBuilder(CloudFallbackApplication.class).properties(Map.of(
        "server.port", cloud.ports().app(),
        "spring.datasource.url", cloud.jdbcUrl(DB),
        "spring.datasource.username", "postgres",
        "spring.data.redis.host", "127.0.0.1",
        "spring.data.redis.port", SharedRedis.server().port(),
        "edge.security.jwt-secret", CloudFallbackTest.SECRET,
        "cloud.replication.edge-jdbc-url", cloud.edgeJdbcUrl(DB))).run();
  }

  private static Double delay(Http app) {
    Http.Reply r = app.get("/metrics", null);
    for (String line : r.raw().body().split("\n")) {
      if (line.startsWith("cloud_replication_delay_seconds") && !line.endsWith("NaN")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return null;
  }

  private static UUID created(Http.Reply reply, String field) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return UUID.fromString(reply.json().get(field).get("id").asString());
  }

  private static int count(JdbcTemplate db, String table, UUID id) {
    return db.queryForObject("SELECT count(*) FROM " + table + " WHERE id = ?", Integer.class, id);
  }
}
