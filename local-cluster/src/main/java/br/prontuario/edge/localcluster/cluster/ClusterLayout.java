package br.prontuario.edge.localcluster.cluster;

import br.prontuario.edge.localcluster.config.ClusterConfig;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.config.NodePorts;
import br.prontuario.edge.localcluster.process.FreePorts;
import br.prontuario.edge.localcluster.tls.ClusterTrust;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where every process of the topology listens: a host and concrete ports per node, plus the
 * ports of the HAProxy on each box ({@code haproxy} on the witness, {@code entries} on node-a and
 * node-b: no single box is the clinicians' only way in). Locally all hosts are 127.0.0.1 and
 * automatic ports are picked once and kept in {@code DIR/layout.json} (etcd and Patroni remember
 * their peers); for production the hosts come from the configuration and the ports are the
 * standard ones.
 */
public record ClusterLayout(Map<String, NodeEndpoints> nodes, HaproxyEndpoints haproxy,
    Map<String, HaproxyEndpoints> entries) {

  public static final String LOOPBACK = "127.0.0.1";
  // layouts written before the redirect port existed have none: read as 0 and filled in
  private static final JsonMapper JSON = JsonMapper.builder()
      .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

  /** One host of the topology and its processes' ports. */
  public record NodeEndpoints(String host, NodePorts ports) {}

  /**
   * The entry point (HTTPS), its plain-HTTP redirect port, the stats page, the runtime API the
   * failover controller drives, and the lab systems' MLLP over TLS ({@code labPort}).
   */
  public record HaproxyEndpoints(String host, int entryPort, int statsPort, int runtimeApiPort,
      int redirectPort, int labPort) {}

  /** The MLLP port HAProxy offers the lab systems in production (IANA's HL7 port). */
  public static final int PRODUCTION_LAB_PORT = 2575;
  /** The edge-node's own MLLP listener in production: beside HAProxy's on the same box. */
  public static final int PRODUCTION_MLLP_PORT = 2576;
  /** Kafka's usual ports: clients and brokers on 9092, the KRaft controllers' quorum on 9093. */
  public static final int PRODUCTION_KAFKA_PORT = 9092;
  public static final int PRODUCTION_KAFKA_CONTROLLER_PORT = 9093;

  /** The entry HAProxies in preference order: the witness's first (the entry URL of old), then node-a's, node-b's. */
  public static final List<NodeName> ENTRY_ORDER = List.of(NodeName.WITNESS, NodeName.NODE_A, NodeName.NODE_B);

  public ClusterLayout {
    entries = entries == null ? Map.of() : Map.copyOf(entries);
  }

  /** The HAProxy running on {@code node}. */
  public HaproxyEndpoints entry(NodeName node) {
    HaproxyEndpoints entry = node == NodeName.WITNESS ? haproxy : entries.get(node.id());
    if (entry == null) {
      throw new IllegalStateException("no HAProxy ports for " + node + " in this layout");
    }
    return entry;
  }

  public NodeEndpoints node(NodeName node) {
    return nodes.get(node.id());
  }

  public String host(NodeName node) {
    return node(node).host();
  }

  public NodePorts ports(NodeName node) {
    return node(node).ports();
  }

  /** The clinicians' preferred entry URL (the witness's HAProxy): HTTPS, TLS terminated by HAProxy. */
  public String entrypoint() {
    return entrypoint(ENTRY_ORDER.get(0));
  }

  /** The entry URL of the HAProxy on {@code node}. */
  public String entrypoint(NodeName node) {
    HaproxyEndpoints entry = entry(node);
    return "https://" + entry.host() + ":" + entry.entryPort();
  }

  /**
   * Every entry URL the app may use, preferred first: one HAProxy per box, so the loss of any one
   * box leaves two ways in (the app moves to the next when one does not answer).
   */
  public List<String> entrypoints() {
    return ENTRY_ORDER.stream().map(this::entrypoint).toList();
  }

  /** Every HAProxy's runtime API ("host:port"), in {@link #ENTRY_ORDER}: the controller drives them all. */
  public List<String> runtimeApiAddresses() {
    return ENTRY_ORDER.stream().map(n -> entry(n).host() + ":" + entry(n).runtimeApiPort()).toList();
  }

  /** Plain HTTP on the entry host: answers only with a redirect to {@link #entrypoint()}. */
  public String redirectUrl() {
    return "http://" + haproxy.host() + ":" + haproxy.redirectPort();
  }

  public String statsUrl() {
    return "http://" + haproxy.host() + ":" + haproxy.statsPort() + "/stats";
  }

  public String runtimeApiAddress() {
    return haproxy.host() + ":" + haproxy.runtimeApiPort();
  }

  public List<String> etcdClientUrls() {
    return List.of(NodeName.values()).stream()
        .map(n -> "https://" + host(n) + ":" + ports(n).etcdClient()).toList();
  }

  /** {@code node-a=https://h:p,...}: etcd's static bootstrap membership. */
  public String etcdInitialCluster() {
    return List.of(NodeName.values()).stream()
        .map(n -> n.id() + "=https://" + host(n) + ":" + ports(n).etcdPeer())
        .collect(Collectors.joining(","));
  }

  public List<String> sentinelAddresses() {
    return List.of(NodeName.values()).stream()
        .map(n -> host(n) + ":" + ports(n).sentinel()).toList();
  }

  /**
   * pgjdbc multi-host URL: follows the primary across failovers without restarting the app.
   * pgjdbc remembers a host's role for {@code hostRecheckSeconds} (default 10); 2 lets a new
   * primary be found within a couple of seconds of Patroni promoting it. A frozen host accepts
   * TCP connections but never answers: {@code socketTimeout} (also during the handshake) bounds
   * that wait, so the driver moves on to the other host instead of hanging for good.
   */
  public String jdbcUrl(String database) {
    return jdbcUrl(database, NodeName.NODE_A);
  }

  /**
   * The URL {@code node}'s edge-node uses: its own PostgreSQL first. After a failover the
   * survivor's own PostgreSQL is the new primary, so its new connections go there at once instead
   * of first waiting a socket timeout on a frozen old primary.
   */
  public String jdbcUrl(String database, NodeName localFirst) {
    NodeName other = localFirst.peer();
    return "jdbc:postgresql://" + host(localFirst) + ":" + ports(localFirst).postgres()
        + "," + host(other) + ":" + ports(other).postgres() + "/" + database
        + "?targetServerType=primary&hostRecheckSeconds=2&connectTimeout=2&socketTimeout=10";
  }

  /**
   * {@link #jdbcUrl(String, NodeName)} for a client that checks the database's certificate
   * against the cluster's CA: edge-node, whose connections carry the clinical rows.
   */
  public String verifiedJdbcUrl(String database, NodeName localFirst, Path caCertificate) {
    return jdbcUrl(database, localFirst) + "&" + ClusterTrust.jdbcVerifyFull(caCertificate);
  }

  /** Every entry HAProxy's MLLP-over-TLS address ("host:port"), in {@link #ENTRY_ORDER}. */
  public List<String> labEntries() {
    return ENTRY_ORDER.stream().map(n -> entry(n).host() + ":" + entry(n).labPort()).toList();
  }

  public String patroniUrl(NodeName node) {
    return "https://" + host(node) + ":" + ports(node).patroniRest();
  }

  /** Every broker, {@code host:port} in box order: what the event bus's clients bootstrap from. */
  public String kafkaBootstrap() {
    return java.util.Arrays.stream(NodeName.values()).map(n -> host(n) + ":" + ports(n).kafka())
        .collect(java.util.stream.Collectors.joining(","));
  }

  public String appUrl(NodeName node) {
    return "http://" + host(node) + ":" + ports(node).app();
  }

  /** Ports for the local topology: the configured ones, free ports where the configuration says 0. */
  public static ClusterLayout local(ClusterConfig config) {
    IntSupplier free = freeExcept(new HashSet<>());
    Map<String, NodeEndpoints> nodes = new LinkedHashMap<>();
    for (NodeName node : NodeName.values()) {
      NodePorts p = config.ports(node);
      boolean data = node.isDataNode();
      nodes.put(node.id(), new NodeEndpoints(LOOPBACK, new NodePorts(
          pick(p.etcdClient(), free), pick(p.etcdPeer(), free),
          data ? pick(p.patroniRest(), free) : 0, data ? pick(p.postgres(), free) : 0,
          data ? pick(p.redis(), free) : 0, pick(p.sentinel(), free), data ? pick(p.app(), free) : 0,
          data ? pick(p.mllp(), free) : 0, pick(p.kafka(), free), pick(p.kafkaController(), free))));
    }
    var h = config.haproxy();
    return new ClusterLayout(nodes, new HaproxyEndpoints(LOOPBACK, pick(h.entryPort(), free),
        pick(h.statsPort(), free), pick(h.runtimeApiPort(), free), pick(h.redirectPort(), free),
        free.getAsInt()), dataNodeEntries(free));
  }

  /**
   * The HAProxies on node-a and node-b: always automatic ports locally (the configured entry ports
   * belong to the witness's, the URL an earlier cluster handed out).
   */
  private static Map<String, HaproxyEndpoints> dataNodeEntries(IntSupplier free) {
    Map<String, HaproxyEndpoints> entries = new LinkedHashMap<>();
    for (NodeName node : List.of(NodeName.NODE_A, NodeName.NODE_B)) {
      entries.put(node.id(), new HaproxyEndpoints(LOOPBACK, free.getAsInt(), free.getAsInt(),
          free.getAsInt(), free.getAsInt(), free.getAsInt()));
    }
    return entries;
  }

  /** The production hosts with the standard ports; the app port is the edge-node's 8080. */
  public static ClusterLayout production(ClusterConfig config) {
    Map<String, NodeEndpoints> nodes = new LinkedHashMap<>();
    for (NodeName node : NodeName.values()) {
      boolean data = node.isDataNode();
      nodes.put(node.id(), new NodeEndpoints(config.production().host(node), new NodePorts(
          config.etcd().clientPort(), config.etcd().peerPort(),
          data ? config.patroni().restApiPort() : 0, data ? config.postgres().port() : 0,
          data ? config.redis().port() : 0, config.redis().sentinelPort(), data ? 8080 : 0,
          data ? PRODUCTION_MLLP_PORT : 0, PRODUCTION_KAFKA_PORT, PRODUCTION_KAFKA_CONTROLLER_PORT)));
    }
    Map<String, HaproxyEndpoints> entries = new LinkedHashMap<>();
    for (NodeName node : List.of(NodeName.NODE_A, NodeName.NODE_B)) {
      entries.put(node.id(), new HaproxyEndpoints(config.production().host(node), 443, 8404, 9999, 80,
          PRODUCTION_LAB_PORT));
    }
    return new ClusterLayout(nodes, new HaproxyEndpoints(config.production().witness(), 443, 8404, 9999, 80,
        PRODUCTION_LAB_PORT), entries);
  }

  /** The layout an earlier {@code up} chose for this folder, or a new one saved there. */
  public static ClusterLayout loadOrCreate(Path stateDir, ClusterConfig config) {
    Path file = stateDir.resolve("layout.json");
    try {
      if (Files.isRegularFile(file)) {
        ClusterLayout saved = JSON.readValue(file.toFile(), ClusterLayout.class);
        if (isCurrent(saved)) {
          return saved;
        }
        ClusterLayout upgraded = upgrade(saved, config);
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), upgraded);
        return upgraded;
      }
      ClusterLayout layout = local(config);
      Files.createDirectories(stateDir);
      JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), layout);
      return layout;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isCurrent(ClusterLayout layout) {
    return layout.haproxy().redirectPort() != 0 && layout.haproxy().labPort() != 0
        && !layout.entries().isEmpty()
        && layout.entries().values().stream().allMatch(e -> e.labPort() != 0)
        && List.of(NodeName.NODE_A, NodeName.NODE_B).stream().allMatch(n -> layout.ports(n).mllp() != 0)
        && layout.nodes().values().stream().allMatch(n -> n.ports().kafka() != 0 && n.ports().kafkaController() != 0);
  }

  /**
   * A layout from before the redirect port, the HAProxies on the data nodes, the lab (MLLP) or
   * the Kafka ports: the new ports added, none of them one the saved layout already uses (its processes may
   * be stopped right now).
   */
  private static ClusterLayout upgrade(ClusterLayout saved, ClusterConfig config) {
    Set<Integer> taken = new HashSet<>();
    saved.nodes().values().forEach(n -> taken.addAll(List.of(n.ports().etcdClient(), n.ports().etcdPeer(),
        n.ports().patroniRest(), n.ports().postgres(), n.ports().redis(), n.ports().sentinel(),
        n.ports().app(), n.ports().mllp(), n.ports().kafka(), n.ports().kafkaController())));
    List<HaproxyEndpoints> haproxies = new ArrayList<>(saved.entries().values());
    haproxies.add(saved.haproxy());
    haproxies.forEach(h -> taken.addAll(List.of(h.entryPort(), h.statsPort(), h.runtimeApiPort(),
        h.redirectPort(), h.labPort())));
    IntSupplier free = freeExcept(taken);
    var h = saved.haproxy();
    HaproxyEndpoints witness = new HaproxyEndpoints(h.host(), h.entryPort(), h.statsPort(),
        h.runtimeApiPort(), h.redirectPort() != 0 ? h.redirectPort() : pick(config.haproxy().redirectPort(), free),
        h.labPort() != 0 ? h.labPort() : free.getAsInt());
    Map<String, HaproxyEndpoints> entries = saved.entries().isEmpty() ? dataNodeEntries(free)
        : new LinkedHashMap<>(saved.entries());
    entries.replaceAll((id, e) -> e.labPort() != 0 ? e : new HaproxyEndpoints(e.host(), e.entryPort(),
        e.statsPort(), e.runtimeApiPort(), e.redirectPort(), free.getAsInt()));
    Map<String, NodeEndpoints> nodes = new LinkedHashMap<>(saved.nodes());
    nodes.replaceAll((id, n) -> {
      NodePorts p = n.ports();
      boolean data = !id.equals(NodeName.WITNESS.id());
      int mllp = !data || p.mllp() != 0 ? p.mllp() : free.getAsInt();
      int kafka = p.kafka() != 0 ? p.kafka() : free.getAsInt();
      int kafkaController = p.kafkaController() != 0 ? p.kafkaController() : free.getAsInt();
      return new NodeEndpoints(n.host(), new NodePorts(p.etcdClient(), p.etcdPeer(), p.patroniRest(),
          p.postgres(), p.redis(), p.sentinel(), p.app(), mllp, kafka, kafkaController));
    });
    return new ClusterLayout(nodes, witness, entries);
  }

  /** Free ports, each handed out once and never one of {@code taken}. */
  private static IntSupplier freeExcept(Set<Integer> taken) {
    return () -> {
      int port;
      do {
        port = FreePorts.next();
      } while (!taken.add(port));
      return port;
    };
  }

  private static int pick(int configured, IntSupplier free) {
    return configured != 0 ? configured : free.getAsInt();
  }
}
