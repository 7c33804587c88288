package br.prontuario.edge.ctl.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import br.prontuario.edge.ctl.EdgeCtlRun;
import br.prontuario.edge.localcluster.cloud.CloudSite;
import br.prontuario.edge.localcluster.cluster.ClusterSecrets;
import br.prontuario.edge.localcluster.cluster.Components;
import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.patroni.PatroniConfig;
import br.prontuario.edge.localcluster.redis.RedisAuth;
import br.prontuario.edge.localcluster.rotation.CertificateRotation;
import br.prontuario.edge.localcluster.tls.ClusterCertificates;
import br.prontuario.edge.site.cluster.ClusterDescriptor;
import br.prontuario.edge.site.resp.RespClient;
import br.prontuario.edge.site.resp.RespCredentials;
import com.sun.net.httpserver.HttpServer;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole topology as {@code bin/edgectl up} runs it, driven through the CLI: one cluster for
 * the class, scenarios in a deliberate order (each starts from the state the previous one left).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EdgeClusterIT {

  private static final Duration FAILOVER = Duration.ofSeconds(90);
  /** The warm-up's code path, shorter than an operator's 20 s: nothing here measures latency. */
  private static final String TEST_WARM_UP = "PT5S";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Path dir;
  private ClusterDescriptor cluster;
  private ClinicalApi entry;
  private String patientId;

  @BeforeAll
  void up() throws Exception {
    Path module = Path.of(System.getProperty("user.dir"));
    System.setProperty("edge.home", module.getParent().toString());
    Path jar = module.getParent().resolve("edge-node/target/edge-node-0.1.0-SNAPSHOT.jar");
    assertThat(jar).as("build edge-node first: ./mvnw -pl edge-node -am package").exists();
    dir = Files.createTempDirectory(Files.createDirectories(module.resolve("target")), "cluster-");
    String out = edgectl("up", "--dir", dir.toString());
    cluster = ClusterDescriptor.read(dir);
    assertThat(out).contains(cluster.entrypoint()).contains("user demo")
        .contains(cluster.demo().password()).contains("edgectl status");
    entry = new ClinicalApi(cluster.entrypoint(), Path.of(cluster.tls().caCertificate()));
  }

  @AfterAll
  void down() {
    if (dir != null) {
      edgectl("down", "--dir", dir.toString());
    }
  }

  @Test
  @Order(1)
  void statusShowsALeaderASyncStandbyAndTwoReadyEdgeNodes() throws Exception {
    JsonNode status = status();
    assertThat(status.path("entrypoint").asString()).isEqualTo(cluster.entrypoint()).startsWith("https://");
    assertThat(status.path("entrypoints").get(0).asString()).isEqualTo(cluster.entrypoint());
    assertThat(node(status, "node-a").path("db").asString()).isEqualTo("leader");
    assertThat(node(status, "node-b").path("db").asString()).isEqualTo("sync_standby");
    assertThat(node(status, "node-a").path("app").asString()).isEqualTo("ready");
    assertThat(node(status, "node-b").path("app").asString()).isEqualTo("ready");
    assertThat(node(status, "node-b").has("lagBytes")).isTrue();
    assertThat(node(status, "node-a").path("redis").asString()).isEqualTo("master");
  }

  @Test
  @Order(2)
  void aNoteWrittenThroughHaproxyIsReadableAfterAPatroniSwitchover() throws Exception {
    String token = entry.login("demo", cluster.demo().password());
    patientId = entry.createPatient(token, "Maria da Silva");
    assertThat(entry.addNote(token, patientId, "before switchover").status()).isEqualTo(201);

    var answer = local().patroni().switchover(local().layout().patroniUrl(NodeName.NODE_A),
        "node-a", "node-b");
    assertThat(answer.status()).as(answer.message()).isEqualTo(200);
    awaitDb("node-b", "leader");
    await().atMost(FAILOVER).ignoreExceptions()
        .until(() -> entry.noteTexts(token, patientId).contains("before switchover"));
    awaitDb("node-a", "sync_standby");

    // back to node-a, the leader the next scenario kills
    var back = local().patroni().switchover(local().layout().patroniUrl(NodeName.NODE_B),
        "node-b", "node-a");
    assertThat(back.status()).as(back.message()).isEqualTo(200);
    awaitDb("node-a", "leader");
    awaitDb("node-b", "sync_standby");
  }

  @Test
  @Order(3)
  void killingNodeAWhileLeaderLeavesNodeBsEdgeNodeWritingAndLosesNoAcknowledgedNote() throws Exception {
    ClinicalApi nodeB = new ClinicalApi(cluster.nodes().get(1).appUrl(), null);
    long appPidBefore = pid(NodeName.NODE_B);
    String token = nodeB.login("demo", cluster.demo().password());
    // an integrator's webhook: every acknowledged note must reach it across the failover
    HttpServer subscriber = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    List<JsonNode> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    subscriber.createContext("/hook", exchange -> {
      events.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    subscriber.start();
    subscribe("failover-it", "http://127.0.0.1:" + subscriber.getAddress().getPort() + "/hook");
    Set<String> acknowledgedIds = ConcurrentHashMap.newKeySet();
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger counter = new AtomicInteger();
    AtomicBoolean writing = new AtomicBoolean(true);
    List<Integer> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    Thread writer = new Thread(() -> {
      while (writing.get() && acknowledged.size() < 150) {
        String text = "note " + counter.incrementAndGet();
        try {
          ClinicalApi.Response reply = nodeB.addNote(token, patientId, text);
          int status = reply.status();
          if (status == 201) {
            acknowledged.add(text);
            acknowledgedIds.add(reply.body().get("id").asString());
          } else {
            failures.add(status);
            br.prontuario.edge.localcluster.process.Pause.millis(200);
          }
        } catch (Exception refusedDuringFailover) {
          failures.add(-1);
          br.prontuario.edge.localcluster.process.Pause.millis(200);
        }
      }
    }, "it-note-writer");
    writer.start();
    await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 10);

    long killedAt = System.nanoTime();
    edgectl("kill", "node-a", "--dir", dir.toString());
    int beforeFailover = acknowledged.size();
    awaitDb("node-b", "leader");
    await().atMost(FAILOVER).failFast(() -> !writer.isAlive())
        .until(() -> acknowledged.size() >= beforeFailover + 10);
    System.out.printf("failover: node-b's edge-node acknowledged writes again %d ms after node-a was"
        + " killed (refused meanwhile: %s)%n", (System.nanoTime() - killedAt) / 1_000_000, failures);
    writing.set(false);
    writer.join(20_000);

    // a write that meets the failover is refused as retryable (503) or not answered, never a 500
    assertThat(failures).as("statuses while the leader moved").allMatch(s -> s == 503 || s == -1);
    assertThat(pid(NodeName.NODE_B)).as("node-b's edge-node was not restarted").isEqualTo(appPidBefore);
    List<String> stored = nodeB.noteTexts(token, patientId);
    assertThat(stored).containsAll(acknowledged);
    // logins go through HAProxy to the surviving node, with Redis now on node-b
    await().atMost(FAILOVER).ignoreExceptions()
        .until(() -> !entry.login("demo", cluster.demo().password()).isBlank());

    // the outbox and its delivery state moved with the database: nothing acknowledged is missing,
    // and a redelivery (node-a died between a 2xx and its commit) never overtakes a newer event
    await().atMost(Duration.ofSeconds(90)).until(() -> events.stream()
        .map(e -> e.get("resourceId").asString()).collect(java.util.stream.Collectors.toSet())
        .containsAll(acknowledgedIds));
    Set<String> seen = new java.util.HashSet<>();
    List<Long> firstDeliveries = events.stream().filter(e -> seen.add(e.get("eventId").asString()))
        .map(e -> e.get("sequence").asLong()).toList();
    assertThat(firstDeliveries).isSorted();
    subscriber.stop(0);
    edgectl("events", "unsubscribe", "failover-it", "--dir", dir.toString());
  }

  private void subscribe(String name, String url) {
    var stdin = System.in;
    System.setIn(new java.io.ByteArrayInputStream(
        "segredo-do-teste-de-failover\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    try {
      edgectl("events", "subscribe", name, "--url", url, "--secret-stdin", "--dir", dir.toString());
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  @Order(4)
  void restartedNodeARejoinsAsAReplicaNeverAsASecondPrimary() throws Exception {
    edgectl("start", "node-a", "--dir", dir.toString());
    Set<String> rolesSeen = ConcurrentHashMap.newKeySet();
    await().atMost(FAILOVER).pollInterval(Duration.ofSeconds(1)).until(() -> {
      String role = node(status(), "node-a").path("db").asString();
      rolesSeen.add(role);
      return role.equals("sync_standby");
    });
    assertThat(rolesSeen).doesNotContain("leader");
    assertThat(node(status(), "node-b").path("db").asString()).isEqualTo("leader");
    await().atMost(FAILOVER).until(() -> node(status(), "node-a").path("app").asString().equals("ready"));
  }

  @Test
  @Order(5)
  void killingTheRedisMasterKeepsLoginsWorking() throws Exception {
    NodeName master = node(status(), "node-a").path("redis").asString().equals("master")
        ? NodeName.NODE_A : NodeName.NODE_B;
    local().kill(master, Components.REDIS);
    NodeName survivor = master.peer();
    await().atMost(FAILOVER).until(() -> node(status(), survivor.id()).path("redis").asString().equals("master"));
    await().atMost(FAILOVER).ignoreExceptions()
        .until(() -> !entry.login("demo", cluster.demo().password()).isBlank());
    String token = entry.login("demo", cluster.demo().password());
    assertThat(entry.noteTexts(token, patientId)).contains("before switchover");
  }

  @Test
  @Order(6)
  void upOnTheSameFolderAfterDownRestartsWithTheDataAndTheAuditAnchorIntact() throws Exception {
    edgectl("down", "--dir", dir.toString());
    assertThat(Files.list(dir.resolve("pids")).toList()).isEmpty();
    String out = edgectl("up", "--dir", dir.toString());
    assertThat(out).contains(cluster.entrypoint());
    String token = entry.login("demo", cluster.demo().password());
    assertThat(entry.noteTexts(token, patientId)).contains("before switchover");
    // the audit chain's head that edge-node copies to etcd outlived the restart and still agrees
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3)).until(() ->
        JSON.readTree(edgectl("audit", "verify", "--json", "--dir", dir.toString()))
            .at("/anchor/status").asString().equals("agrees"));
  }

  /**
   * Smoke test of the app-save harness on this cluster rather than on one of its own (an
   * {@code edgectl up} costs a minute of the suite): one run kills the active node under a note
   * being saved in Chromium and reports how long "salvo" took. No assertion on the time itself
   * (docs/benchmarks.md has it).
   */
  @Test
  @Order(7)
  void benchAppSaveMeasuresSalvarToSalvoAcrossAPrimaryCrash() {
    String out = edgectl("bench", "app-save", "--runs", "1", "--dir", dir.toString());

    assertThat(out).containsPattern("app-save: 1 runs, salvar -> salvo p50 \\d+\\.\\d\\d s, p95 \\d+\\.\\d\\d s");
  }

  @Test
  @Order(8)
  void upgradeAppRestartsBothEdgeNodesOnTheNewJarAndMovesTheActiveRoleOnce() throws Exception {
    NodeName leader = local().leader().orElseThrow();
    long leaderApp = pid(leader);
    long standbyApp = pid(leader.peer());
    String token = entry.login("demo", cluster.demo().password());

    Cli upgrade = run("upgrade", "--app", builtJar().toString(), "--warm-up", TEST_WARM_UP, "--dir", dir.toString());

    assertThat(upgrade.code()).as(upgrade.err()).isZero();
    assertThat(upgrade.out()).contains("upgrading " + leader.peer().id() + "'s edge-node")
        // clinicians' reads before it gets their traffic: a cold JVM answered writes in 3 s
        .containsPattern("warmed up " + leader.peer().id() + "'s edge-node: [1-9]\\d* reads answered")
        .contains("switching over to " + leader.peer().id())
        .contains("upgraded: both nodes run");
    assertThat(local().leader()).contains(leader.peer());
    assertThat(pid(leader)).isNotEqualTo(leaderApp);
    assertThat(pid(leader.peer())).isNotEqualTo(standbyApp);
    for (NodeName node : List.of(leader, leader.peer())) {
      assertThat(Files.mismatch(local().installedAppJar(node), builtJar()))
          .as("%s runs the upgraded jar", node).isEqualTo(-1L);
    }
    assertThat(entry.noteTexts(token, patientId)).contains("before switchover");
  }

  @Test
  @Order(9)
  void anUpgradeWhoseJarNeverStartsIsRolledBackAndTheActiveRoleStays() throws Exception {
    NodeName leader = local().leader().orElseThrow();
    Path broken = dir.resolve("broken-edge-node.jar");
    try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(broken))) {
      // looks like an edge-node jar to the pre-check; java -jar finds no manifest and exits
      zip.putNextEntry(new java.util.zip.ZipEntry(
          "BOOT-INF/classes/br/prontuario/edge/node/EdgeNodeApplication.class"));
      zip.closeEntry();
    }

    Cli upgrade = run("upgrade", "--app", broken.toString(), "--warm-up", TEST_WARM_UP, "--dir", dir.toString(),
        "--ready-timeout", "PT60S");

    assertThat(upgrade.code()).isEqualTo(1);
    assertThat(upgrade.err()).contains("upgrade rolled back: " + leader.peer().id())
        .contains("exited while starting").contains("both nodes run their old jars");
    assertThat(local().leader()).as("no switchover towards a node that never got ready")
        .contains(leader);
    assertThat(Files.mismatch(local().installedAppJar(leader.peer()), builtJar())).isEqualTo(-1L);
    JsonNode status = status();
    assertThat(node(status, "node-a").path("app").asString()).isEqualTo("ready");
    assertThat(node(status, "node-b").path("app").asString()).isEqualTo("ready");
  }

  @Test
  @Order(10)
  void postgresMinorUpgradeRestartsBothPostgresOnTheNewBinariesAndMovesTheLeaderOnce()
      throws Exception {
    EdgeCluster local = local();
    NodeName leader = local.leader().orElseThrow();
    long leaderPostmaster = postmaster(leader);
    long standbyPostmaster = postmaster(leader.peer());
    // a second install of the same binaries: one minor version is all Debian ships here
    Path binaries = mirrorOf(local.configuredPostgresBinDir(), dir.resolve("pg-next/bin"));
    String token = entry.login("demo", cluster.demo().password());

    Cli upgrade = run("upgrade", "--postgres-minor", "--bin-dir", binaries.toString(),
        "--dir", dir.toString());

    assertThat(upgrade.code()).as(upgrade.err()).isZero();
    assertThat(upgrade.out())
        .contains("upgrading " + leader.peer().id() + "'s PostgreSQL")
        .contains("switching over to " + leader.peer().id())
        .contains("upgrading " + leader.id() + "'s PostgreSQL")
        .containsPattern("upgraded: both nodes run PostgreSQL 15\\.\\d+ from " + binaries);
    assertThat(local().leader()).contains(leader.peer());
    assertThat(postmaster(leader)).isNotEqualTo(leaderPostmaster);
    assertThat(postmaster(leader.peer())).isNotEqualTo(standbyPostmaster);
    for (NodeName node : List.of(leader, leader.peer())) {
      assertThat(local().postgresBinDir(node)).isEqualTo(binaries);
      assertThat(Files.readString(local().dir(node, Components.PATRONI).resolve("patroni.yml")))
          .contains("bin_dir: \"" + binaries + "\"");
    }
    awaitDb(leader.id(), "sync_standby");
    assertThat(entry.noteTexts(token, patientId)).contains("before switchover");
  }

  @Test
  @Order(11)
  void postgresBinariesThatNeverStartAreRolledBackAndTheLeaderStays() throws Exception {
    EdgeCluster local = local();
    NodeName leader = local.leader().orElseThrow();
    Path before = local.postgresBinDir(leader.peer());
    Path broken = mirrorOf(local.configuredPostgresBinDir(), dir.resolve("pg-broken/bin"));
    Files.delete(broken.resolve("postgres"));
    // says the right version (the pre-check) and cannot start a server
    Files.writeString(broken.resolve("postgres"), "#!/bin/sh\n"
        + "case \"$1\" in --version|-V) exec " + local.configuredPostgresBinDir().resolve("postgres")
        + " --version ;; esac\necho 'broken build' >&2\nexit 1\n");
    broken.resolve("postgres").toFile().setExecutable(true, false);

    Cli upgrade = run("upgrade", "--postgres-minor", "--bin-dir", broken.toString(),
        "--dir", dir.toString(), "--ready-timeout", "PT60S");

    assertThat(upgrade.code()).isEqualTo(1);
    assertThat(upgrade.err())
        .contains("upgrade rolled back: " + leader.peer().id() + "'s PostgreSQL did not come back")
        .contains("failed to start on " + broken)
        .contains("both nodes run their old binaries");
    assertThat(local().leader()).as("no switchover towards a node that never came back")
        .contains(leader);
    assertThat(local().postgresBinDir(leader.peer())).isEqualTo(before);
    awaitDb(leader.peer().id(), "sync_standby");
  }

  @Test
  @Order(12)
  void anotherMajorVersionIsRefusedBeforeAnythingRestarts() throws Exception {
    NodeName leader = local().leader().orElseThrow();
    long postmaster = postmaster(leader.peer());
    Path major = Files.createDirectories(dir.resolve("pg-16/bin"));
    Files.writeString(major.resolve("postgres"), "#!/bin/sh\necho 'postgres (PostgreSQL) 16.4'\n");
    major.resolve("postgres").toFile().setExecutable(true, false);

    Cli upgrade = run("upgrade", "--postgres-minor", "--bin-dir", major.toString(),
        "--dir", dir.toString());

    assertThat(upgrade.code()).isEqualTo(2);
    assertThat(upgrade.err()).contains("holds PostgreSQL 16.4").contains("pg_upgrade")
        .hasLineCount(1);
    assertThat(postmaster(leader.peer())).isEqualTo(postmaster);
  }

  @Test
  @Order(13)
  void aStandbyCutOffFromThePrimaryLeavesTheSynchronousSetWhileThePrimaryServesAndHealBringsItBack()
      throws Exception {
    NodeName leader = local().leader().orElseThrow();
    NodeName standby = leader.peer();
    awaitDb(standby.id(), "sync_standby");
    Cli toItself = run("partition", standby.id(), "--from", standby.id(), "--dir", dir.toString());
    assertThat(toItself.code()).isEqualTo(2);
    assertThat(toItself.err()).contains("cannot be cut from itself").hasLineCount(1);

    // logged in first: once cut, the primary's commits (a login's too) wait until Patroni drops
    // the unreachable standby from the synchronous set, and answer 503 meanwhile
    String token = entry.login("demo", cluster.demo().password());
    String out = edgectl("partition", standby.id(), "--from", leader.id(), "--dir", dir.toString());
    try {
      assertThat(out).contains("cut node-a <-/-> node-b").doesNotContain("witness");
      JsonNode partitions = status().path("partitions");
      assertThat(partitions).hasSize(1);
      assertThat(partitions.get(0).get(0).asString()).isEqualTo("node-a");
      assertThat(partitions.get(0).get(1).asString()).isEqualTo("node-b");
      // the replication connection really stalls (this JVM, outside every node, still reaches
      // both): the primary's walsender times out and Patroni drops the standby from the sync set
      await().atMost(FAILOVER).until(
          () -> !"sync_standby".equals(node(status(), standby.id()).path("db").asString()));
      assertThat(local().leader()).contains(leader);
      await().atMost(FAILOVER).ignoreExceptions()
          .until(() -> entry.addNote(token, patientId, "while the standby was cut off").status() == 201);
    } finally {
      edgectl("heal", "--dir", dir.toString());
    }
    assertThat(status().path("partitions")).isEmpty();
    awaitDb(standby.id(), "sync_standby");
    assertThat(local().leader()).contains(leader);
    assertThat(entry.noteTexts(token, patientId)).contains("while the standby was cut off");
  }

  @Test
  @Order(14)
  void rotateSecretsGivesNewPasswordsAndCertificatesWhileAClinicianWritesAndRefusesTheOldPasswords()
      throws Exception {
    EdgeCluster before = local();
    ClusterSecrets old = before.secrets();
    NodeName leader = before.leader().orElseThrow();
    awaitDb(leader.peer().id(), "sync_standby");
    long leaderApp = pid(leader);
    long standbyApp = pid(leader.peer());
    var certificates = new CertificateRotation(before, Duration.ofSeconds(30), line -> { });
    List<CertificateRotation.Endpoint> servers = certificates.endpoints();
    // 3 etcd, 3 HAProxy, 3 Kafka brokers, PostgreSQL and Patroni on both nodes and the cloud site
    assertThat(servers).hasSize(15);
    java.util.Map<String, java.security.PublicKey> servedBefore = new java.util.HashMap<>();
    for (var server : servers) {
      servedBefore.put(server.name(), certificates.served(server).getPublicKey());
    }
    String token = entry.login("demo", cluster.demo().password());
    AtomicBoolean writing = new AtomicBoolean(true);
    List<String> acknowledged = new java.util.concurrent.CopyOnWriteArrayList<>();
    AtomicInteger retries = new AtomicInteger();
    Thread clinician = new Thread(() -> {
      for (int i = 0; writing.get(); i++) {
        String text = "during rotation " + i;
        String key = java.util.UUID.randomUUID().toString();
        // the app's rule: a failed save is sent again with the same key until it is stored
        for (int attempt = 0; attempt < 30; attempt++) {
          try {
            if (entry.addNote(token, patientId, text, key).status() == 201) {
              acknowledged.add(text);
              break;
            }
          } catch (Exception retry) {
            // timeout or connection reset: the same key again
          }
          retries.incrementAndGet();
          sleep(1_000);
        }
        sleep(1_500); // the chart lists its newest 200 notes: stay well below

      }
    });
    clinician.start();
    Cli rotation;
    try {
      rotation = run("rotate-secrets", "--warm-up", TEST_WARM_UP, "--dir", dir.toString());
    } finally {
      writing.set(false);
      clinician.join(60_000);
    }

    assertThat(rotation.code()).as(rotation.err()).isZero();
    assertThat(rotation.out()).contains("every user takes a new password besides its old one")
        .contains("the servers log in to each other with the new passwords")
        .contains("new passwords for Patroni's roles")
        .contains("restarting " + leader.peer().id() + "'s edge-node")
        .contains("switching over to " + leader.peer().id())
        .contains("restarting " + leader.id() + "'s edge-node")
        .contains("restarting cloud-fallback").contains("rotated:")
        .contains("new keys for every server and client")
        .contains("restarting node-a's Kafka broker").contains("restarting witness's Kafka broker")
        .contains("a new password for its unsafe REST endpoints");
    // every server now presents a certificate with a new key, from the same CA
    var ca = ClusterCertificates.readCertificate(local().tls().caCertificate());
    for (var server : servers) {
      var served = certificates.served(server);
      assertThat(served.getPublicKey()).as("%s presents a new key", server.name())
          .isNotEqualTo(servedBefore.get(server.name()));
      served.verify(ca.getPublicKey());
    }
    assertThat(local().leader()).contains(leader.peer());
    assertThat(pid(leader)).isNotEqualTo(leaderApp);
    assertThat(pid(leader.peer())).isNotEqualTo(standbyApp);
    ClusterSecrets fresh = local().secrets();
    assertThat(fresh.appPassword()).isNotEqualTo(old.appPassword());
    assertThat(fresh.jwtSecret()).isNotEqualTo(old.jwtSecret());
    // every controller replica restarts on the new secrets; a clean build runs this module's tests
    // before the controller's jar exists, and then edgectl up starts none
    long controllers = java.util.Arrays.stream(NodeName.values())
        .flatMap(n -> local().extras(n).stream()).filter(c -> c.startsWith("failover-controller")).count();
    assertThat(rotation.out().lines().filter(l -> l.matches(".*restarting \\S+'s failover-controller.*")))
        .hasSize((int) controllers);
    // the token the clinician got before the rotation is still good (the retiring secret's hour)
    assertThat(entry.addNote(token, patientId, "after rotation", java.util.UUID.randomUUID().toString())
        .status()).isEqualTo(201);
    // Patroni: every member refuses the old REST password and takes the new one; cluster.json
    // offers only the new one once the rotation is over
    var caCertificate = local().tls().caCertificate();
    for (NodeName node : List.of(NodeName.NODE_A, NodeName.NODE_B)) {
      String url = local().layout().patroniUrl(node);
      assertThat(new br.prontuario.edge.site.patroni.PatroniClient(Duration.ofSeconds(5), old.patroniRest(),
          caCertificate).reload(url).status()).as(node.id() + " with the old password").isEqualTo(401);
      assertThat(new br.prontuario.edge.site.patroni.PatroniClient(Duration.ofSeconds(5), fresh.patroniRest(),
          caCertificate).reload(url).status()).as(node.id() + " with the new password").isEqualTo(202);
    }
    assertThat(ClusterDescriptor.read(dir).patroniApi().password()).isEqualTo(fresh.patroniRestPassword());
    assertThat(ClusterDescriptor.read(dir).patroniApi().previousPassword()).isNull();
    // and the controllers take the operators' tokens, now signed with the new secret
    if (controllers > 0) {
      Cli status = run("controller", "status", "--dir", dir.toString());
      assertThat(status.code()).as(status.err()).isZero();
    }
    assertThat(dir.resolve("secrets.previous.json")).doesNotExist();
    assertThat(ClusterDescriptor.read(dir).database().password()).isEqualTo(fresh.appPassword());

    // PostgreSQL: the old passwords are refused, the new ones let the apps in
    String records = local().layout().jdbcUrl(local().config().postgres().database());
    String app = local().config().postgres().appUser();
    String owner = local().config().postgres().ownerUser();
    assertThatThrownBy(() -> java.sql.DriverManager.getConnection(records, app, old.appPassword()).close())
        .hasMessageContaining("password authentication failed");
    assertThatThrownBy(() -> java.sql.DriverManager.getConnection(records, owner, old.ownerPassword()).close())
        .hasMessageContaining("password authentication failed");
    java.sql.DriverManager.getConnection(records, app, fresh.appPassword()).close();
    // Redis and every Sentinel: the old password is gone, the new one is the apps'
    var layout = local().layout();
    var oldUser = new RespCredentials(RedisAuth.EDGE_NODE, old.redisEdgeNodePassword());
    var newUser = new RespCredentials(RedisAuth.EDGE_NODE, fresh.redisEdgeNodePassword());
    var oldController = new RespCredentials(RedisAuth.CONTROLLER, old.redisControllerPassword());
    var newController = new RespCredentials(RedisAuth.CONTROLLER, fresh.redisControllerPassword());
    for (NodeName node : NodeName.values()) {
      List<Integer> ports = node.isDataNode()
          ? List.of(layout.ports(node).redis(), layout.ports(node).sentinel())
          : List.of(layout.ports(node).sentinel());
      for (int port : ports) {
        assertThatThrownBy(() -> new RespClient(Duration.ofSeconds(3), oldUser)
            .call(layout.host(node), port, "PING")).hasMessageContaining("WRONGPASS");
        assertThat(new RespClient(Duration.ofSeconds(3), newUser).call(layout.host(node), port, "PING"))
            .isEqualTo("PONG");
        // the controllers' read-only user too, which they now read from cluster.json
        assertThat(new RespClient(Duration.ofSeconds(3), newController).call(layout.host(node), port, "PING"))
            .isEqualTo("PONG");
        assertThatThrownBy(() -> new RespClient(Duration.ofSeconds(3), oldController)
            .call(layout.host(node), port, "PING")).hasMessageContaining("WRONGPASS");
      }
    }
    patroniRolesTakeOnlyTheirNewPasswords(old, fresh);
    redisServersLogInToEachOtherWithTheirNewPasswords(old, fresh);
    // the dark cloud-fallback was started again with the new password (its launch record)
    String cloudLaunch = Files.readString(local().dir(NodeName.WITNESS, CloudSite.APP)
        .resolve("launch.json"));
    assertThat(cloudLaunch).contains(fresh.appPassword()).doesNotContain(old.appPassword());

    // the clinician never lost a note: each was stored once, retries included
    System.out.println("rotate-secrets: " + acknowledged.size() + " notes written during it, "
        + retries.get() + " retried saves");
    assertThat(acknowledged).isNotEmpty();
    List<String> stored = entry.noteTexts(token, patientId);
    for (String text : acknowledged) {
      assertThat(stored).as("stored once: %s", text).containsOnlyOnce(text);
    }
    // logins write refresh tokens to Redis with the apps' new password
    assertThat(entry.login("demo", cluster.demo().password())).isNotBlank();
  }

  /**
   * Patroni's roles refuse their old passwords, and both standbys (the demoted old primary, and the
   * cloud site, whose stream the switchover broke) stream again with the new replication password.
   */
  private void patroniRolesTakeOnlyTheirNewPasswords(ClusterSecrets old, ClusterSecrets fresh)
      throws Exception {
    String postgres = local().layout().jdbcUrl("postgres");
    for (var role : java.util.Map.of(PatroniConfig.SUPERUSER, old.superuserPassword(),
        PatroniConfig.REPLICATION_USER, old.replicationPassword(),
        PatroniConfig.REWIND_USER, old.rewindPassword()).entrySet()) {
      assertThatThrownBy(() -> java.sql.DriverManager.getConnection(postgres, role.getKey(),
          role.getValue()).close()).as(role.getKey() + "'s old password")
          .hasMessageContaining("password authentication failed");
    }
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      try (var c = java.sql.DriverManager.getConnection(postgres, PatroniConfig.SUPERUSER,
          fresh.superuserPassword()); var rows = c.createStatement().executeQuery(
          "select application_name from pg_stat_replication where state = 'streaming'"
              + " and usename = '" + PatroniConfig.REPLICATION_USER + "'")) {
        List<String> streaming = new java.util.ArrayList<>();
        while (rows.next()) {
          streaming.add(rows.getString(1));
        }
        assertThat(streaming).contains(local().leader().orElseThrow().peer().id(), "cloud-1");
      }
    });
  }

  /** Every Redis and Sentinel user refuses its old password and takes its new one. */
  private void redisServersLogInToEachOtherWithTheirNewPasswords(ClusterSecrets old,
      ClusterSecrets fresh) throws Exception {
    var layout = local().layout();
    RedisAuth before = RedisAuth.of(old);
    RedisAuth after = RedisAuth.of(fresh);
    var users = java.util.Map.of(RedisAuth.REPLICA, List.of(before.replicaPassword(), after.replicaPassword()),
        RedisAuth.SENTINEL, List.of(before.sentinelPassword(), after.sentinelPassword()),
        RedisAuth.OPERATIONS, List.of(before.operationsPassword(), after.operationsPassword()),
        RedisAuth.SENTINEL_PEER, List.of(before.sentinelPeerPassword(), after.sentinelPeerPassword()));
    for (NodeName node : NodeName.values()) {
      for (var user : users.entrySet()) {
        boolean sentinelOnly = user.getKey().equals(RedisAuth.SENTINEL_PEER);
        boolean serverOnly = user.getKey().equals(RedisAuth.REPLICA) || user.getKey().equals(RedisAuth.SENTINEL);
        List<Integer> ports = new java.util.ArrayList<>();
        if (node.isDataNode() && !sentinelOnly) {
          ports.add(layout.ports(node).redis());
        }
        if (!serverOnly) {
          ports.add(layout.ports(node).sentinel());
        }
        for (int port : ports) {
          assertThatThrownBy(() -> new RespClient(Duration.ofSeconds(3),
              new RespCredentials(user.getKey(), user.getValue().get(0))).call(layout.host(node), port, "PING"))
              .as("%s's old password on %s:%d", user.getKey(), node.id(), port).hasMessageContaining("WRONGPASS");
          assertThat(new RespClient(Duration.ofSeconds(3), new RespCredentials(user.getKey(),
              user.getValue().get(1))).call(layout.host(node), port, "PING")).isEqualTo("PONG");
        }
      }
    }
    // what the servers send each other was changed too; that the links come back on it when cut
    // is RedisUserPasswordsIT's (local-cluster)
    String masterName = local().config().redis().masterName();
    var controller = new RespClient(Duration.ofSeconds(3), after.controller());
    var peerUser = new RespClient(Duration.ofSeconds(3),
        new RespCredentials(RedisAuth.SENTINEL_PEER, after.sentinelPeerPassword()));
    for (NodeName node : NodeName.values()) {
      String host = layout.host(node);
      int port = layout.ports(node).sentinel();
      assertThat(String.valueOf(peerUser.call(host, port, "SENTINEL", "CONFIG", "GET", "sentinel-pass")))
          .contains(after.sentinelPeerPassword());
      assertThat(String.valueOf(controller.call(host, port, "SENTINEL", "CKQUORUM", masterName)))
          .startsWith("OK 3 usable Sentinels");
    }
    for (NodeName node : List.of(NodeName.NODE_A, NodeName.NODE_B)) {
      if (controller.role(layout.host(node), layout.ports(node).redis()).equals("slave")) {
        assertThat(String.valueOf(controller.call(layout.host(node), layout.ports(node).redis(),
            "INFO", "replication"))).contains("master_link_status:up");
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A folder of links to each binary: another install of the same version. */
  private static Path mirrorOf(Path binaries, Path mirror) throws Exception {
    Files.createDirectories(mirror);
    try (var files = Files.list(binaries)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.createSymbolicLink(mirror.resolve(file.getFileName()), file);
      }
    }
    return mirror; // below the cluster's folder, which the service user may traverse
  }

  private long postmaster(NodeName node) throws Exception {
    Path pidFile = local().dir(node, Components.PATRONI).resolve("data/postmaster.pid");
    return Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
  }

  private static Path builtJar() {
    return Path.of(System.getProperty("user.dir")).getParent()
        .resolve("edge-node/target/edge-node-0.1.0-SNAPSHOT.jar");
  }

  private record Cli(int code, String out, String err) {}

  private Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = EdgeCtlRun.execute(out, err, args);
    return new Cli(code, out.toString(), err.toString());
  }

  private long pid(NodeName node) throws Exception {
    return Long.parseLong(Files.readAllLines(dir.resolve("pids").resolve(node.id() + ".edge-node.pid")).get(0));
  }

  private EdgeCluster local() {
    return new ClusterOptionsForTest(dir).cluster();
  }

  private void awaitDb(String node, String role) {
    await().atMost(FAILOVER).pollInterval(Duration.ofSeconds(1))
        .until(() -> node(status(), node).path("db").asString().equals(role));
  }

  private JsonNode status() {
    return JSON.readTree(edgectl("status", "--json", "--dir", dir.toString()));
  }

  private static JsonNode node(JsonNode status, String name) {
    for (JsonNode n : status.path("nodes")) {
      if (n.path("name").asString().equals(name)) {
        return n;
      }
    }
    throw new AssertionError("no node " + name + " in " + status);
  }

  private String edgectl(String... args) {
    Cli cli = run(args);
    assertThat(cli.code()).as("edgectl %s: %s", String.join(" ", args), cli.err()).isZero();
    return cli.out();
  }

  /** The same cluster the CLI acts on, for the calls the CLI has no command for (switchover, one process). */
  private static final class ClusterOptionsForTest {
    private final ClusterOptions options = new ClusterOptions();

    ClusterOptionsForTest(Path dir) {
      options.dir = dir;
    }

    EdgeCluster cluster() {
      return options.existingCluster();
    }
  }
}
