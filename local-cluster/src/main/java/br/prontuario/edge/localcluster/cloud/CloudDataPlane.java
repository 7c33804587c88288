package br.prontuario.edge.localcluster.cloud;

import br.prontuario.edge.localcluster.tls.ClusterCertificates;
import br.prontuario.edge.localcluster.tls.ClusterTrust;
import br.prontuario.edge.site.activation.CloudActivation;
import br.prontuario.edge.site.activation.CloudDatabase;
import br.prontuario.edge.site.activation.PatroniRestPromotion;
import br.prontuario.edge.site.patroni.PatroniClient;
import br.prontuario.edge.site.patroni.PatroniCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The local stand-in for the GCP data plane: its own etcd, the replication gateway to the edge
 * primary, and the Patroni standby cluster that follows it. Ports, the fork point and failback
 * reports live in the cloud folder ({@code DIR/cloud/}).
 */
public final class CloudDataPlane implements AutoCloseable {

  private final Path dir;
  private final CloudPorts ports;
  private final List<EdgeUpstream> upstreams;
  private final StandbyCredentials credentials;
  private final PatroniCredentials restCredentials;
  private final CloudProcesses processes;
  private final ClusterCertificates.TlsFiles tls;

  /**
   * {@code restCredentials}: what the cloud Patroni's unsafe REST endpoints ask for; {@code tls}:
   * the certificate its REST API and PostgreSQL present, and the CA its clients check it against.
   */
  public CloudDataPlane(Path cloudDir, CloudProcesses processes, List<EdgeUpstream> upstreams,
      StandbyCredentials credentials, PatroniCredentials restCredentials,
      ClusterCertificates.TlsFiles tls) {
    this.dir = cloudDir;
    this.ports = CloudPorts.loadOrAllocate(cloudDir);
    this.processes = processes;
    this.upstreams = List.copyOf(upstreams);
    this.credentials = credentials;
    this.restCredentials = restCredentials;
    this.tls = tls;
  }

  public CloudProcesses processes() {
    return processes;
  }

  public CloudPorts ports() {
    return ports;
  }

  public Path dir() {
    return dir;
  }

  /** The edge nodes the standby may follow. */
  public List<EdgeUpstream> upstreams() {
    return upstreams;
  }

  /** What the cloud Patroni's unsafe REST endpoints ask for. */
  public PatroniCredentials restCredentials() {
    return restCredentials;
  }

  public StandbyCredentials credentials() {
    return credentials;
  }

  /** Starts etcd, gateway and Patroni; the standby is streaming when this returns. */
  public CloudDataPlane start(Duration timeout) {
    try {
      CloudEtcd.start(processes, ports);
      ReplicationGateway.start(processes, ports.gateway(), upstreams);
      CloudPatroni.start(processes, ports, credentials, restCredentials, tls);
      awaitStreaming(timeout);
      return this;
    } catch (RuntimeException e) {
      close(); // leave nothing running behind a failed start
      throw e;
    }
  }

  /** The cloud's {@code database}, its certificate checked against the cluster CA. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/" + database + verifyingTheServer();
  }

  /** The cloud Patroni's REST API (https, the cluster CA's certificate). */
  public String patroniUrl() {
    return CloudPatroni.restUrl(ports);
  }

  /** The edge primary as seen from the cloud: through the gateway, so it follows failovers. */
  public String edgeJdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + ports.gateway() + "/" + database + verifyingTheServer();
  }

  /**
   * The gateway passes TLS through untouched, so the edge node's own certificate answers there;
   * locally every server listens on 127.0.0.1, which each certificate names.
   */
  private String verifyingTheServer() {
    return "?" + ClusterTrust.jdbcVerifyFull(tls.caCertificate());
  }

  public Connection connect(String database) throws SQLException {
    return database(database).connect();
  }

  /** The cloud's {@code database} as its superuser reaches it. */
  public CloudDatabase database(String database) {
    return new CloudDatabase(jdbcUrl(database), credentials.superuser(),
        credentials.superuserPassword());
  }

  /** The activation sequence for this data plane; it records the fork point in {@link #dir()}. */
  public CloudActivation activation(String database, Clock clock) {
    return CloudActivation.recordingFork(
        new PatroniRestPromotion(CloudPatroni.restUrl(ports),
            new PatroniClient(CloudPatroni.REST_TIMEOUT, restCredentials, tls.caCertificate())),
        database(database), dir, clock);
  }

  /** True while the cloud PostgreSQL is a standby (in recovery) with a WAL receiver streaming. */
  public boolean isStreamingStandby() {
    try (Connection c = connect("postgres"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery(),"
            + " (SELECT count(*) FROM pg_stat_wal_receiver WHERE status = 'streaming')")) {
      return rs.next() && rs.getBoolean(1) && rs.getLong(2) > 0;
    } catch (SQLException e) {
      return false;
    }
  }

  /** In recovery, streaming or not (with both edge nodes down there is nothing to stream from). */
  public boolean isStandby() {
    try (Connection c = connect("postgres"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery()")) {
      return rs.next() && rs.getBoolean(1);
    } catch (SQLException e) {
      return false;
    }
  }

  public boolean isPrimary() {
    try (Connection c = connect("postgres"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery()")) {
      return rs.next() && !rs.getBoolean(1);
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * Wipes the cloud copy and clones it again from the edge as a standby cluster: stop Patroni,
   * delete its data and its keys in the cloud etcd, start it again (bootstrap = standby_cluster).
   */
  public void reseed(Duration timeout) {
    processes.stop(CloudSite.PATRONI);
    CloudEtcd.forgetScope(ports, CloudPatroni.SCOPE);
    deleteTree(processes.dir(CloudSite.PATRONI).resolve("data"));
    CloudPatroni.start(processes, ports, credentials, restCredentials, tls);
    awaitStreaming(timeout);
  }

  private void awaitStreaming(Duration timeout) {
    if (!Waits.until(this::isStreamingStandby, timeout, 250)) {
      throw new IllegalStateException("the cloud standby is not streaming from the edge after "
          + timeout + "; see " + processes.log(CloudSite.PATRONI));
    }
  }

  /** Stops every cloud process (the caller's own ones in tests; cluster extras otherwise). */
  @Override
  public void close() {
    processes.stopAll();
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
