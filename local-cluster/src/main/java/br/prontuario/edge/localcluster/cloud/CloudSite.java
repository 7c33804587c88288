package br.prontuario.edge.localcluster.cloud;

import br.prontuario.edge.localcluster.cluster.ClusterSecrets;
import br.prontuario.edge.localcluster.cluster.Components;
import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.ConfigFiles;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.haproxy.HaproxyServer;
import br.prontuario.edge.localcluster.patroni.PatroniConfig;
import br.prontuario.edge.localcluster.process.Binaries;
import br.prontuario.edge.localcluster.redis.RedisAuth;
import br.prontuario.edge.site.activation.ActivationOutcome;
import br.prontuario.edge.site.activation.CloudRouting;
import br.prontuario.edge.site.cluster.ClusterDescriptor;
import br.prontuario.edge.site.haproxy.CloudRoute;
import br.prontuario.edge.site.http.PlainHttp;
import br.prontuario.edge.site.patroni.PatroniClient;
import br.prontuario.edge.site.patroni.PatroniReply;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cloud side of the local cluster ({@code edgectl up}): the standby data plane following the
 * edge leader, a Redis for logins, and cloud-fallback, which is not ready (so HAProxy's backup
 * server stays out of rotation) until activation promotes its database.
 */
public final class CloudSite {

  public static final String ETCD = "cloud-1-etcd";
  public static final String GATEWAY = "cloud-2-gateway";
  public static final String PATRONI = "cloud-3-patroni";
  public static final String REDIS = "cloud-4-redis";
  public static final String APP = "cloud-5-fallback";
  public static final String JAR = "cloud-fallback/target/cloud-fallback-0.1.0-SNAPSHOT.jar";
  private static final List<String> JAVA_OPTIONS =
      List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  private CloudSite() {}

  /** Whether this cluster was given a cloud site (a later {@code up} starts it again). */
  public static boolean isLaunched(EdgeCluster cluster) {
    return cluster.hasExtra(NodeName.WITNESS, APP);
  }

  public static Path cloudDir(EdgeCluster cluster) {
    return cluster.stateDir().resolve("cloud");
  }

  /** The data plane of this cluster's cloud site, whether running or not. */
  public static CloudDataPlane dataPlane(EdgeCluster cluster) {
    List<EdgeUpstream> upstreams = new ArrayList<>();
    for (NodeName node : List.of(NodeName.NODE_A, NodeName.NODE_B)) {
      var ports = cluster.layout().ports(node);
      upstreams.add(new EdgeUpstream(node.id(), cluster.layout().host(node), ports.postgres(),
          ports.patroniRest(), cluster.tls().caCertificate()));
    }
    ClusterSecrets secrets = cluster.secrets();
    return new CloudDataPlane(cloudDir(cluster), new ClusterExtras(cluster), upstreams,
        new StandbyCredentials(PatroniConfig.SUPERUSER, secrets.superuserPassword(),
            PatroniConfig.REPLICATION_USER, secrets.replicationPassword()),
        cluster.patroniCredentials(), cluster.tls());
  }

  public static String appUrl(EdgeCluster cluster) {
    return "http://127.0.0.1:" + dataPlane(cluster).ports().app();
  }

  /**
   * The failover controller's cloud settings for this site: EMERGENCY_CLOUD promotes the standby
   * through its Patroni REST API, and failback merges through cloud-fallback before routing back.
   */
  public static Map<String, String> controllerSettings(EdgeCluster cluster) {
    return Map.of("edge.controller.cloud.mode", "patroni",
        "edge.controller.cloud.patroni-url", dataPlane(cluster).patroniUrl(),
        "edge.controller.cloud.app-url", appUrl(cluster));
  }
  /** Starts (or restarts) the cloud side; returns once the standby streams and the app is up. */
  public static CloudDataPlane start(EdgeCluster cluster, Path repositoryRoot, Duration timeout) {
    Path jar = repositoryRoot.resolve(JAR);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no " + jar + "; build it with ./mvnw -pl cloud-fallback -am package");
    }
    CloudDataPlane plane = dataPlane(cluster).start(timeout);
    startFallback(cluster, plane, jar, timeout);
    return plane;
  }

  /**
   * cloud-fallback and its Redis again, with the cluster's current secrets ({@code edgectl
   * rotate-secrets}): only while the site is a standby, when neither holds anything clinicians
   * use. Returns once the app is up.
   */
  public static void restartFallback(EdgeCluster cluster, Path repositoryRoot, Duration timeout) {
    CloudDataPlane plane = dataPlane(cluster);
    if (plane.isPrimary()) {
      throw new IllegalStateException("the cloud site serves clinicians: fail back before restarting it");
    }
    for (String component : List.of(APP, REDIS)) {
      plane.processes().stop(component);
      // their launch records carry the old secrets; a new launch writes new ones
      cluster.forgetExtra(NodeName.WITNESS, component);
    }
    startFallback(cluster, plane, repositoryRoot.resolve(JAR), timeout);
  }

  /**
   * The cloud Patroni and its PostgreSQL on the cluster's current certificates, without a restart
   * ({@code edgectl rotate-secrets}): the files are copied again and Patroni reloads.
   *
   * @throws IllegalStateException when the cloud Patroni refuses or does not answer
   */
  public static void reloadCertificates(EdgeCluster cluster) {
    CloudDataPlane plane = dataPlane(cluster);
    CloudPatroni.refreshTls(plane.processes(), cluster.tls());
    reload(cluster, plane);
  }

  /**
   * The cloud Patroni on the cluster's current secrets (its REST password), without a restart:
   * {@code patroni.yml} is written again and Patroni reloads, asked with the password it has.
   */
  public static void reloadPatroniConfig(EdgeCluster cluster) {
    CloudDataPlane plane = dataPlane(cluster);
    CloudPatroni.writeConfig(plane.processes(), plane.ports(), plane.credentials(), plane.restCredentials(),
        cluster.tls());
    reload(cluster, plane);
  }

  private static void reload(EdgeCluster cluster, CloudDataPlane plane) {
    PatroniReply reply = new PatroniClient(CloudPatroni.REST_TIMEOUT, plane.restCredentials(),
        cluster.tls().caCertificate()).reload(plane.patroniUrl());
    if (reply.status() / 100 != 2) {
      throw new IllegalStateException("the cloud Patroni did not reload: " + reply.message());
    }
  }

  private static void startFallback(EdgeCluster cluster, CloudDataPlane plane, Path jar,
      Duration timeout) {
    CloudPorts ports = plane.ports();
    CloudProcesses processes = plane.processes();
    Path redis = Binaries.require("redis-server", "redis-server", "redis");
    Path redisConfig = processes.dir(REDIS).resolve("redis.conf");
    RedisAuth redisAuth = RedisAuth.of(cluster.secrets());
    // a file (mode 0600), not arguments: ps shows a command line to everyone
    ConfigFiles.writeSecret(redisConfig, String.join("\n", "port " + ports.redis(), "bind 127.0.0.1",
        "save \"\"", "appendonly no", "dir " + processes.dir(REDIS), redisAuth.standaloneLines(), ""));
    processes.start(REDIS, List.of(redis.toString(), redisConfig.toString()), Map.of());
    ClusterDescriptor descriptor = cluster.descriptor();
    String database = cluster.config().postgres().database();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JAVA_OPTIONS);
    command.addAll(List.of("-jar", jar.toString(),
        "--server.port=" + ports.app(),
        // the app it serves in emergency mode knows the same entry URLs as on the edge
        "--edge.app.entrypoints=" + String.join(",", cluster.layout().entrypoints()),
        "--spring.datasource.url=" + plane.jdbcUrl(database),
        "--spring.datasource.username=" + descriptor.database().username(),
        "--spring.data.redis.host=127.0.0.1",
        "--spring.data.redis.port=" + ports.redis(),
        "--spring.data.redis.username=" + RedisAuth.EDGE_NODE,
        "--cloud.replication.edge-jdbc-url=" + plane.edgeJdbcUrl(database),
        "--cloud.replication.edge-username=" + descriptor.database().username()));
    // secrets through the environment, not the command line (ps shows that to everyone)
    Map<String, String> environment = new HashMap<>(Map.of(
        "SPRING_DATASOURCE_PASSWORD", descriptor.database().password(),
        "CLOUD_REPLICATION_EDGE_PASSWORD", descriptor.database().password(),
        "EDGE_SECURITY_JWT_SECRET", descriptor.jwtSecret(),
        "SPRING_DATA_REDIS_PASSWORD", redisAuth.edgeNodePassword()));
    if (descriptor.previousJwtSecret() != null) {
      environment.put("EDGE_SECURITY_PREVIOUS_JWT_SECRET", descriptor.previousJwtSecret().secret());
      environment.put("EDGE_SECURITY_PREVIOUS_JWT_SECRET_UNTIL",
          descriptor.previousJwtSecret().acceptedUntil().toString());
    }
    processes.start(APP, command, environment);
    PlainHttp http = new PlainHttp(Duration.ofSeconds(3));
    if (!Waits.until(() -> http.get(appUrl(cluster) + "/health/live").is(200), timeout, 500)) {
      throw new IllegalStateException("cloud-fallback did not start; log " + processes.log(APP));
    }
    // the controller's EMERGENCY_CLOUD then only has to enable the server (state ready)
    CloudRoute.at(cluster.layout().runtimeApiAddresses()).pointCloudAt("127.0.0.1", ports.app());
    for (NodeName box : NodeName.values()) {
      HaproxyServer.recordCloudAddress(cluster.dir(box, Components.HAPROXY), "127.0.0.1", ports.app());
    }
  }

  /** Promotes the cloud (if still a standby), routes clinicians to it, records the fork point. */
  public static ActivationOutcome activate(EdgeCluster cluster) {
    CloudDataPlane plane = dataPlane(cluster);
    CloudRoute entry = CloudRoute.at(cluster.layout().runtimeApiAddresses());
    return plane.activation(cluster.config().postgres().database(), Clock.systemUTC())
        .activate(() -> routeToCloud(entry, plane.ports().app()), Duration.ofSeconds(60));
  }

  /** Through the entry HAProxy's runtime API; unreachable = refused, clinicians stay where they are. */
  public static CloudRouting routeToCloud(CloudRoute entry, int appPort) {
    try {
      entry.routeToCloud("127.0.0.1", appPort);
      return new CloudRouting.Routed("cloud ready");
    } catch (UncheckedIOException e) {
      return new CloudRouting.Refused(e.getMessage());
    }
  }

  /** Fails back from the cloud ({@link CloudFailback}) through the entry HAProxy. */
  public static FailbackResult failback(EdgeCluster cluster, Duration reseedTimeout) {
    return new CloudFailback(dataPlane(cluster), cluster.config().postgres().database(),
        new CloudFailback.CloudApp(appUrl(cluster), cluster.descriptor().jwtSecret()),
        Clock.systemUTC()).run(CloudRoute.at(cluster.layout().runtimeApiAddresses()),
            reseedTimeout);
  }
}
