package br.prontuario.edge.site.cluster;

import br.prontuario.edge.site.ops.RetiringJwtSecret;
import br.prontuario.edge.site.patroni.PatroniCredentials;
import br.prontuario.edge.site.resp.RespCredentials;
import br.prontuario.edge.site.tls.ClientTls;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code DIR/cluster.json}: everything a client, a test, the drill or the failover controller needs
 * to reach the running cluster. The one type and the one reader of that file; {@code edgectl up}
 * (local-cluster) writes it. The shape is a contract between the project's parts: add fields,
 * never rename them. Optional parts are null when a file leaves them out.
 *
 * @param previousJwtSecret the JWT secret {@code edgectl rotate-secrets} replaced, which the
 *     controllers still accept until its deadline; absent otherwise
 * @param environment "production" marks a file describing a production deployment (only safe
 *     drills then); absent for the local cluster
 */
public record ClusterDescriptor(
    String entrypoint,
    List<String> entrypoints,
    Tls tls,
    @JsonInclude(JsonInclude.Include.NON_NULL) String environment,
    Database database,
    String jwtSecret,
    Demo demo,
    Controller controller,
    List<Node> nodes,
    Haproxy haproxy,
    Etcd etcd,
    Redis redis,
    PatroniApi patroniApi,
    @JsonInclude(JsonInclude.Include.NON_NULL) Bus bus,
    @JsonInclude(JsonInclude.Include.NON_NULL) RetiringJwtSecret previousJwtSecret) {

  public static final String FILE = "cluster.json";
  private static final JsonMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

  public ClusterDescriptor {
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
    entrypoints = entrypoints == null
        ? (entrypoint == null ? List.of() : List.of(entrypoint)) : List.copyOf(entrypoints);
  }

  /** A description without an event bus (a cluster from before the brokers, or a production file without one). */
  public ClusterDescriptor(String entrypoint, List<String> entrypoints, Tls tls, String environment,
      Database database, String jwtSecret, Demo demo, Controller controller, List<Node> nodes,
      Haproxy haproxy, Etcd etcd, Redis redis, PatroniApi patroniApi) {
    this(entrypoint, entrypoints, tls, environment, database, jwtSecret, demo, controller, nodes, haproxy,
        etcd, redis, patroniApi, null, null);
  }

  /** A description with no JWT secret retiring (none was rotated in the last hour). */
  public ClusterDescriptor(String entrypoint, List<String> entrypoints, Tls tls, String environment,
      Database database, String jwtSecret, Demo demo, Controller controller, List<Node> nodes,
      Haproxy haproxy, Etcd etcd, Redis redis, PatroniApi patroniApi, Bus bus) {
    this(entrypoint, entrypoints, tls, environment, database, jwtSecret, demo, controller, nodes, haproxy,
        etcd, redis, patroniApi, bus, null);
  }

  /**
   * The event bus (Kafka) the outbox is published to.
   *
   * @param keyStore the operators' client certificate and key in one PEM file (the brokers ask
   *     for one); {@code caCertificate} the CA the brokers' certificates chain to
   */
  public record Bus(String bootstrapServers, String topic, String caCertificate, String keyStore) {}

  public record Database(String jdbcUrl, String username, String password, String superuser,
      String superuserPassword) {}

  public record Demo(String username, String password) {}

  /**
   * The CA certificate clients must trust for the https entry point (Java clients:
   * {@code ClusterTrust}), and the plain-HTTP URL that redirects to it.
   */
  public record Tls(String caCertificate, String redirectUrl) {}

  /**
   * The failover controller replicas' URLs, one per box ({@code url} is the first; null when none
   * was launched). Any replica answers status; the acting one carries out decisions.
   */
  public record Controller(String url, List<String> urls) {
    public Controller {
      urls = urls == null ? (url == null ? List.of() : List.of(url)) : List.copyOf(urls);
      url = url == null && !urls.isEmpty() ? urls.get(0) : url;
    }

    public Controller(String url) {
      this(url, null);
    }
  }

  /**
   * Ports are null when a file does not say (e.g. a production description without Redis).
   *
   * @param modelManifest where the node's model manifest is, when not in {@code DIR/NODE/models}
   *     (a production description; {@code edgectl models verify}); null otherwise
   */
  public record Node(String name, String appUrl, String patroniUrl, Integer postgresPort,
      Integer redisPort, Integer sentinelPort, String etcdClientUrl,
      @JsonInclude(JsonInclude.Include.NON_NULL) String modelManifest) {

    public Node(String name, String appUrl, String patroniUrl, Integer postgresPort,
        Integer redisPort, Integer sentinelPort, String etcdClientUrl) {
      this(name, appUrl, patroniUrl, postgresPort, redisPort, sentinelPort, etcdClientUrl, null);
    }
  }

  /**
   * @param runtimeApi the first entry HAProxy's runtime API ("host:port")
   * @param runtimeApis every entry HAProxy's, one per box, in the order of {@code entrypoints}
   */
  public record Haproxy(String runtimeApi, String statsUrl, String backend, List<String> servers,
      List<String> runtimeApis) {
    public Haproxy {
      runtimeApis = runtimeApis == null
          ? (runtimeApi == null ? List.of() : List.of(runtimeApi)) : List.copyOf(runtimeApis);
    }

    public Haproxy(String runtimeApi, String statsUrl, String backend, List<String> servers) {
      this(runtimeApi, statsUrl, backend, servers, null);
    }
  }

  /**
   * @param tls the client certificate etcd asks for on its https endpoints (the operators' tools
   *     and the local controller present it); null for an etcd without TLS
   */
  public record Etcd(List<String> endpoints, @JsonInclude(JsonInclude.Include.NON_NULL) EtcdTls tls) {

    public Etcd(List<String> endpoints) {
      this(endpoints, null);
    }

    /** The client identity to present, or null when this etcd asks for none. */
    public ClientTls clientTls() {
      return tls == null ? null
          : new ClientTls(Path.of(tls.caCertificate()), Path.of(tls.certificate()), Path.of(tls.key()));
    }
  }

  /** PEM files: the CA that signed etcd's certificates, and a client certificate with its key. */
  public record EtcdTls(String caCertificate, String certificate, String key) {}

  /**
   * @param username and {@code password}: the Sentinels' and Redis's read-only user (the
   *     controller's, also {@code edgectl status}'s); null when they ask for none
   */
  public record Redis(String masterName, List<String> sentinels, String username, String password) {

    public RespCredentials credentials() {
      return new RespCredentials(username, password);
    }
  }

  /** Who may call Patroni's unsafe REST endpoints (switchover, failover, config). */
  /** @param previousPassword the one a rotation under way replaces; absent otherwise */
  public record PatroniApi(String username, String password,
      @JsonInclude(JsonInclude.Include.NON_NULL) String previousPassword) {

    public PatroniApi(String username, String password) {
      this(username, password, null);
    }
  }

  /** The credentials for Patroni's unsafe endpoints; none when the file names none. */
  public PatroniCredentials patroniCredentials() {
    return patroniApi == null ? PatroniCredentials.NONE
        : new PatroniCredentials(patroniApi.username(), patroniApi.password(),
            patroniApi.previousPassword());
  }

  public boolean production() {
    return "production".equals(environment);
  }

  /** The controller's URL, or null when none was launched. */
  public String controllerUrl() {
    return controller == null ? null : controller.url();
  }

  /** Every controller replica's URL (empty when none was launched). */
  public List<String> controllerUrls() {
    return controller == null ? List.of() : controller.urls();
  }

  /** Reads {@code dir/cluster.json}; a missing or broken file is an operator error. */
  public static ClusterDescriptor read(Path dir) {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no cluster at " + dir + " (missing " + FILE + "); "
          + "start one with edgectl up --dir " + dir);
    }
    return readFile(file);
  }

  /** Reads a cluster description given by its own path (the controller's cluster-file setting). */
  public static ClusterDescriptor readFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + " does not exist");
    }
    try {
      return JSON.readValue(file.toFile(), ClusterDescriptor.class);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getOriginalMessage());
    }
  }

  /** Writes {@code stateDir/cluster.json}, readable by its owner only (it holds secrets). */
  public void write(Path stateDir) {
    try {
      Path file = stateDir.resolve(FILE);
      Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
