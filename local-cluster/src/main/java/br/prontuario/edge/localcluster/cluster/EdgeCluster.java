package br.prontuario.edge.localcluster.cluster;

import static br.prontuario.edge.localcluster.cluster.Components.APP;
import static br.prontuario.edge.localcluster.cluster.Components.ETCD;
import static br.prontuario.edge.localcluster.cluster.Components.HAPROXY;
import static br.prontuario.edge.localcluster.cluster.Components.KAFKA;
import static br.prontuario.edge.localcluster.cluster.Components.PATRONI;
import static br.prontuario.edge.localcluster.cluster.Components.REDIS;
import static br.prontuario.edge.localcluster.cluster.Components.SENTINEL;

import br.prontuario.edge.localcluster.app.EdgeNodeApp;
import br.prontuario.edge.localcluster.config.ClusterConfig;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.etcd.EtcdMember;
import br.prontuario.edge.localcluster.haproxy.HaproxyServer;
import br.prontuario.edge.localcluster.kafka.KafkaBroker;
import br.prontuario.edge.localcluster.partition.NetworkPartitions;
import br.prontuario.edge.localcluster.partition.NodeControlGroups;
import br.prontuario.edge.localcluster.patroni.PatroniNode;
import br.prontuario.edge.localcluster.process.Binaries;
import br.prontuario.edge.localcluster.process.DetachedLaunch;
import br.prontuario.edge.localcluster.process.ManagedProcess;
import br.prontuario.edge.localcluster.redis.RedisAuth;
import br.prontuario.edge.localcluster.redis.RedisNode;
import br.prontuario.edge.localcluster.tls.ClusterCertificates;
import br.prontuario.edge.site.cluster.ClusterDescriptor;
import br.prontuario.edge.site.http.PlainHttp;
import br.prontuario.edge.site.ops.RetiringJwtSecret;
import br.prontuario.edge.site.patroni.PatroniClient;
import br.prontuario.edge.site.patroni.PatroniCredentials;
import br.prontuario.edge.site.patroni.PatroniReply;
import br.prontuario.edge.site.tls.ClientTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole edge topology on loopback, each engine a detached process with its own folder and
 * log under {@code DIR/<node>/<component>/}: etcd x3 (node-a, node-b, witness), Patroni +
 * PostgreSQL and Redis + Sentinel on both data nodes, a Sentinel on the witness, the two
 * edge-node instances, and an entry HAProxy on each of the three. Pids are kept in {@code DIR/pids/}, so a later JVM (the next
 * {@code edgectl} command) can stop, kill, freeze or thaw what an earlier one started.
 *
 * <p>Later components (the failover controller on the witness, the cloud side) join through
 * {@link #launchExtra}: they are then part of their node for kill/freeze/thaw/start/stop.
 */
public final class EdgeCluster {

  private final ClusterConfig config;
  private final Path stateDir;
  private final Path repositoryRoot;
  private final ClusterLayout layout;
  private final ClusterSecrets secrets;
  private final ClusterCertificates.TlsFiles tls;
  private final ProcessRegistry registry;
  private final boolean withApps;
  private final ClusterLauncher launcher;
  private final PatroniClient patroniApi;
  private final NodeControlGroups groups;
  private PlainHttp etcdHttp;

  private EdgeCluster(ClusterConfig config, Path stateDir, Path repositoryRoot, boolean withApps) {
    this.config = config;
    this.stateDir = stateDir.toAbsolutePath();
    this.repositoryRoot = repositoryRoot.toAbsolutePath();
    this.layout = ClusterLayout.loadOrCreate(this.stateDir, config);
    letServiceUserTraverse(this.stateDir);
    this.secrets = ClusterSecrets.loadOrCreate(this.stateDir);
    this.tls = ClusterCertificates.ensure(this.stateDir);
    this.registry = new ProcessRegistry(this.stateDir);
    this.withApps = withApps;
    this.launcher = new ClusterLauncher(this);
    this.groups = NodeControlGroups.of(this.stateDir);
    this.patroniApi = new PatroniClient(Duration.ofSeconds(2), patroniCredentials(), tls.caCertificate());
  }

  /** The full topology in {@code stateDir}; ports and secrets are created there on first use. */
  public static EdgeCluster at(Path stateDir, ClusterConfig config, Path repositoryRoot) {
    return new EdgeCluster(config, stateDir, repositoryRoot, true);
  }

  /** Databases, coordination, Redis and HAProxy but no edge-node instances (infrastructure tests). */
  public static EdgeCluster infrastructureAt(Path stateDir, ClusterConfig config, Path repositoryRoot) {
    return new EdgeCluster(config, stateDir, repositoryRoot, false);
  }

  public ClusterConfig config() {
    return config;
  }

  public ClusterLayout layout() {
    return layout;
  }

  public ClusterSecrets secrets() {
    return secrets;
  }

  /** The JWT secret the last rotation replaced, while tokens it signed are still accepted. */
  public Optional<RetiringJwtSecret> retiringJwtSecret() {
    return RetiringJwtFile.read(stateDir, Instant.now());
  }

  /**
   * The primary's {@code database} as the operators' tools reach it (edgectl, the drill, the
   * cluster's own set-up): TLS checked against the cluster CA, as edge-node does, so a machine
   * answering on a node's address without the CA's certificate gets no password exchange.
   */
  public String jdbcUrl(String database) {
    return layout.verifiedJdbcUrl(database, NodeName.NODE_A, tls.caCertificate());
  }

  /** The entry point's certificate authority and server certificate, in {@code DIR/tls/}. */
  public ClusterCertificates.TlsFiles tls() {
    return tls;
  }

  /** The operators' client certificate for etcd (edgectl, the drill, the local controllers). */
  public ClientTls etcdTls() {
    return tls.etcdClientTls(ClusterCertificates.ETCD_OPERATIONS);
  }

  /** etcd's /health with the operators' certificate; built on first use, then kept (status is polled). */
  public synchronized PlainHttp etcdHttp() {
    if (etcdHttp == null) {
      etcdHttp = EtcdMember.client(etcdTls());
    }
    return etcdHttp;
  }

  public Path stateDir() {
    return stateDir;
  }

  public boolean withApps() {
    return withApps;
  }

  /** Where a component of a node keeps its files and log. */
  public Path dir(NodeName node, String component) {
    return stateDir.resolve(node.id()).resolve(component);
  }

  public Path log(NodeName node, String component) {
    String file = switch (component) {
      case ETCD -> "etcd.log";
      case PATRONI -> "patroni.log";
      case REDIS -> "redis.log";
      case SENTINEL -> "sentinel.log";
      case APP -> "edge-node.log";
      case HAPROXY -> "haproxy.log";
      case KAFKA -> "kafka.log";
      default -> component + ".log";
    };
    return dir(node, component).resolve(file);
  }

  /**
   * The one Patroni REST client, with this cluster's REST credentials; each node's API is at
   * {@code layout().patroniUrl(node)}.
   */
  public PatroniClient patroni() {
    return patroniApi;
  }

  /** Starts whatever is not running yet and waits until the cluster serves; idempotent. */
  public void start() {
    launcher.startAll();
  }

  /** Starts the processes of one node that are not running (after kill), without waiting for apps. */
  public void start(NodeName node) {
    launcher.startNode(node);
  }

  /** Stops everything, gently: SIGCONT (frozen processes), SIGTERM, SIGKILL after a grace period. */
  public void stop() {
    RuntimeException unhealed = null;
    try {
      partitions().heal();
    } catch (RuntimeException e) {
      unhealed = e; // stop the processes all the same, then say why the links may still be cut
    }
    new NodeFaults(this).stopAll();
    groups.removeEmpty();
    if (unhealed != null) {
      throw unhealed;
    }
  }

  /** Cuts and heals links between the nodes (nftables on each node's control group). */
  public NetworkPartitions partitions() {
    return new NetworkPartitions(groups, layout, stateDir);
  }

  /** How {@code node}'s processes are started: inside the node's control group where there is one. */
  DetachedLaunch launch(NodeName node) {
    return new DetachedLaunch(groups.launchPrefix(node));
  }

  /** SIGKILL every process of the node, PostgreSQL included: a power cut. */
  public void kill(NodeName node) {
    new NodeFaults(this).kill(node);
  }

  /** SIGKILL one process of the node (e.g. {@link Components#REDIS}) and its children. */
  public void kill(NodeName node, String component) {
    new NodeFaults(this).kill(node, component);
  }

  /** SIGTERM one component and wait for it (e.g. the cloud's Patroni before a re-seed). */
  public void stop(NodeName node, String component) {
    registry.find(node, component).ifPresent(p -> br.prontuario.edge.localcluster.process
        .ProcessSignals.terminate(p, java.time.Duration.ofSeconds(60)));
    registry.forget(node, component);
  }

  /** SIGSTOP every process of the node: a hung machine that still holds its sockets. */
  public void freeze(NodeName node) {
    new NodeFaults(this).signal(node, br.prontuario.edge.localcluster.process.ProcessSignals.Signal.STOP);
  }

  public void thaw(NodeName node) {
    new NodeFaults(this).signal(node, br.prontuario.edge.localcluster.process.ProcessSignals.Signal.CONT);
  }

  /** SIGSTOP one component of the node (e.g. {@code edge-node}): the rest keeps running. */
  public void freeze(NodeName node, String component) {
    new NodeFaults(this).signal(node, component, br.prontuario.edge.localcluster.process.ProcessSignals.Signal.STOP);
  }

  public void thaw(NodeName node, String component) {
    new NodeFaults(this).signal(node, component, br.prontuario.edge.localcluster.process.ProcessSignals.Signal.CONT);
  }

  public ClusterStatus status() {
    return new ClusterStatusReader(this).read();
  }

  /** The leader as Patroni reports it, if any node's REST API answers and names one. */
  public Optional<NodeName> leader() {
    // asked of each node, not read from one node's /cluster: a node cut off from etcd keeps
    // reporting its stale view (itself as leader) until it demotes, while its /primary turns 503
    // as soon as its leader key's lease has run out
    for (NodeName node : List.of(NodeName.NODE_A, NodeName.NODE_B)) {
      if (patroniApi.answersPrimary(layout.patroniUrl(node))) {
        return Optional.of(node);
      }
    }
    return Optional.empty();
  }

  /** What {@code DIR/cluster.json} holds: how clients, tests and the controller reach the cluster. */
  public ClusterDescriptor descriptor() {
    return LocalDescriptor.of(this);
  }

  /**
   * Starts an additional process as part of a node (e.g. the failover controller on the witness),
   * in {@code DIR/<node>/<component>/}. It is recorded for kill/freeze/thaw/stop, and its command is
   * kept so that {@link #start(NodeName)} and {@link #start()} start it again.
   */
  /** Whether an extra component was ever launched on {@code node} (a later start restarts it). */
  public boolean hasExtra(NodeName node, String component) {
    return ExtraComponent.isSaved(dir(node, component));
  }

  /**
   * Forgets how an extra component was launched (its command and environment, secrets included),
   * so that {@link #launchExtra} launches and saves it anew, e.g. with rotated secrets.
   */
  public void forgetExtra(NodeName node, String component) {
    ExtraComponent.forget(dir(node, component));
  }

  /** The extra components launched on {@code node} (their saved launches), by name. */
  public List<String> extras(NodeName node) {
    return ExtraComponent.saved(stateDir, node).stream().map(ExtraComponent::component).toList();
  }

  /** Where a launched extra component answers (as given to {@link #launchExtra}). */
  public String extraUrl(NodeName node, String component) {
    return ExtraComponent.find(stateDir, node, component).url();
  }

  /**
   * Stops an extra component and starts it again from its saved launch, without waiting for it to
   * serve; it reads its configuration files anew (a controller, {@code cluster.json}).
   */
  public ManagedProcess restartExtra(NodeName node, String component) {
    return launcher.restartExtra(node, component);
  }

  public ManagedProcess launchExtra(NodeName node, String component, List<String> command,
      Map<String, String> env, String url) {
    return launcher.launchExtra(new ExtraComponent(node, component, command, env, url));
  }

  /** Patroni runs as another user and must reach its folder below ours (which may be 0700). */
  private static void letServiceUserTraverse(Path dir) {
    try {
      var perms = java.nio.file.Files.getPosixFilePermissions(dir);
      perms.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
      perms.add(java.nio.file.attribute.PosixFilePermission.GROUP_EXECUTE);
      java.nio.file.Files.setPosixFilePermissions(dir, perms);
    } catch (java.io.IOException | UnsupportedOperationException e) {
      throw new IllegalStateException("cannot open " + dir + " to the database user: " + e.getMessage(), e);
    }
  }

  ProcessRegistry registry() {
    return registry;
  }

  Path repositoryRoot() {
    return repositoryRoot;
  }

  /** The PostgreSQL binaries every node runs unless an upgrade installed others for it. */
  public Path configuredPostgresBinDir() {
    return config.postgres().binDir().isEmpty() ? Binaries.postgresBinDir()
        : Path.of(config.postgres().binDir());
  }

  /** Where {@code edgectl upgrade --postgres-minor} records the binaries this node now runs. */
  public Path installedPostgresBinDirFile(NodeName node) {
    return dir(node, PATRONI).resolve("postgres-bin-dir");
  }

  /** The folder this node's Patroni starts PostgreSQL from. */
  public Path postgresBinDir(NodeName node) {
    Path file = installedPostgresBinDirFile(node);
    if (!Files.isRegularFile(file)) {
      return configuredPostgresBinDir();
    }
    try {
      return Path.of(Files.readString(file).strip());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Stops the node's Patroni gently (it shuts its PostgreSQL down first) and starts it again from
   * a freshly written {@code patroni.yml}, without waiting: Patroni 3.0 reads {@code bin_dir} only
   * when it starts, so new binaries need a new Patroni process, not a reload.
   */
  public void restartPatroni(NodeName node) {
    stop(node, PATRONI);
    startComponent(node, PATRONI);
  }

  /**
   * Writes the node's {@code patroni.yml} from the current secrets and copies the current
   * certificates beside it, leaving the running Patroni alone: a {@code POST /reload} makes it
   * and PostgreSQL take them ({@code edgectl rotate-secrets}).
   */
  public void rewritePatroniConfig(NodeName node) {
    PatroniNode.writeConfig(node, layout, config.patroni(), secrets, tls, postgresBinDir(node),
        dir(node, PATRONI));
  }

  /**
   * What callers of Patroni's unsafe endpoints send: the current REST password and, while a
   * rotation is unfinished ({@code DIR/secrets.previous.json}), the one it replaces, tried when
   * a member has not taken the new one yet.
   */
  public PatroniCredentials patroniCredentials() {
    String previous = ClusterSecrets.readPrevious(stateDir).map(ClusterSecrets::patroniRestPassword)
        .orElse("");
    return new PatroniCredentials(secrets.patroniRestUser(), secrets.patroniRestPassword(), previous);
  }

  /** The jar every node runs unless an upgrade installed one of its own. */
  public Path configuredAppJar() {
    Path jar = Path.of(config.app().jar());
    return jar.isAbsolute() ? jar : repositoryRoot.resolve(jar);
  }

  /** Where {@code edgectl upgrade --app} puts the jar this node runs instead of the configured one. */
  public Path installedAppJar(NodeName node) {
    return dir(node, APP).resolve("app.jar");
  }

  /** The jar the node's edge-node starts from. */
  public Path appJar(NodeName node) {
    Path installed = installedAppJar(node);
    return Files.isRegularFile(installed) ? installed : configuredAppJar();
  }

  /**
   * A planned switchover of the PostgreSQL leader to {@code to} through Patroni's REST API: for a
   * cluster without a failover controller (which otherwise moves the active role itself).
   *
   * @throws IllegalStateException when there is no leader or Patroni refuses
   */
  public void patroniSwitchover(NodeName to) {
    NodeName from = leader().orElseThrow(() -> new IllegalStateException("no PostgreSQL leader"));
    PatroniReply reply = patroniApi.switchover(layout.patroniUrl(from), from.id(), to.id());
    if (reply.status() / 100 != 2) {
      throw new IllegalStateException("Patroni refused the switchover to " + to.id() + ": "
          + reply.message());
    }
  }

  /**
   * {@code POST /reload} to the node's Patroni (asked with the REST password it has, the new or,
   * during a rotation, the previous): it re-reads its files and reloads PostgreSQL.
   *
   * @throws IllegalStateException when Patroni refuses or does not answer
   */
  public void reloadPatroni(NodeName node) {
    PatroniReply reply = patroniApi.reload(layout.patroniUrl(node));
    if (reply.status() / 100 != 2) {
      throw new IllegalStateException(node.id() + "'s Patroni did not reload: " + reply.message());
    }
  }

  /** The node's edge-node process, if it runs (its pid changes with every restart). */
  public Optional<ProcessHandle> appProcess(NodeName node) {
    return registry.find(node, APP);
  }

  /**
   * Stops the node's edge-node gently (SIGTERM: Spring finishes the requests in flight) and starts
   * it again from {@link #appJar(NodeName)}, without waiting for it to be ready.
   */
  public void restartApp(NodeName node) {
    stop(node, APP);
    startComponent(node, APP);
  }

  /**
   * Stops the node's Kafka broker gently (SIGTERM: it hands its partitions' leadership over) and
   * starts it again on the cluster's current certificates, without waiting for it to rejoin.
   */
  public void restartKafka(NodeName node) {
    stop(node, KAFKA);
    startComponent(node, KAFKA);
  }

  boolean hasData(NodeName node) {
    return Files.exists(dir(node, PATRONI).resolve("data").resolve("PG_VERSION"));
  }

  ManagedProcess startComponent(NodeName node, String component) {
    Path dir = dir(node, component);
    DetachedLaunch launch = launch(node);
    ManagedProcess process = switch (component) {
      case ETCD -> EtcdMember.start(node, layout, config.etcd(), tls, dir, launch);
      case PATRONI -> PatroniNode.start(node, layout, config.patroni(), secrets, tls,
          postgresBinDir(node), dir, launch);
      case REDIS -> RedisNode.startServer(node, layout, RedisAuth.of(secrets), dir, launch);
      case SENTINEL -> RedisNode.startSentinel(node, layout, config.redis(), RedisAuth.of(secrets), dir, launch);
      case APP -> EdgeNodeApp.start(node, layout, config, secrets, retiringJwtSecret(), tls, appJar(node),
          dir, launch);
      case HAPROXY -> HaproxyServer.start(layout, node, config.haproxy(), tls, dir, launch);
      case KAFKA -> KafkaBroker.start(node, layout, tls, repositoryRoot, stateDir, dir, launch);
      default -> throw new IllegalArgumentException("unknown component " + component);
    };
    registry.record(node, component, process.handle());
    return process;
  }

  List<String> componentsOf(NodeName node) {
    List<String> components = new ArrayList<>(Components.of(node));
    if (!withApps) {
      // infrastructure tests need neither the apps nor the bus the apps publish to
      components.remove(APP);
      components.remove(KAFKA);
    }
    return components;
  }
}
