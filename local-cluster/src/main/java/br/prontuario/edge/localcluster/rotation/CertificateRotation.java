package br.prontuario.edge.localcluster.rotation;

import br.prontuario.edge.localcluster.cloud.CloudDataPlane;
import br.prontuario.edge.localcluster.cloud.CloudSite;
import br.prontuario.edge.localcluster.cluster.Components;
import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.kafka.BrokerRollingRestart;
import br.prontuario.edge.localcluster.patroni.PatroniNode;
import br.prontuario.edge.localcluster.process.Pause;
import br.prontuario.edge.localcluster.tls.ClusterCertificates;
import br.prontuario.edge.localcluster.tls.ClusterCertificates.TlsFiles;
import br.prontuario.edge.localcluster.tls.ServedCertificate;
import br.prontuario.edge.site.haproxy.HaproxyRuntimeApi;
import br.prontuario.edge.site.tls.ClientTls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * New keys and certificates for the internal plane from the cluster's own CA ({@code edgectl
 * rotate-secrets}), taken by every server without stopping what it serves:
 *
 * <ul>
 *   <li>etcd reads its files again on every handshake;
 *   <li>PostgreSQL and Patroni's REST API, on both nodes and the dark cloud site: the files are
 *       copied again beside Patroni, and a {@code POST /reload} makes PostgreSQL load them and
 *       Patroni re-open its REST API with the new certificate;
 *   <li>every HAProxy takes the entry's new certificate through its runtime API (open connections
 *       keep theirs);
 *   <li>the Kafka brokers restart one at a time ({@link BrokerRollingRestart});
 *   <li>the apps' own client certificates (etcd, Kafka) are loaded by the edge-node restarts that
 *       follow in the rotation.
 * </ul>
 *
 * Then every server is asked for its certificate until it presents the new one. The CA stays:
 * certificates issued before remain valid until they expire, since nothing checks a revocation
 * list (replacing a leaked key for good needs a new CA; docs/operations.md).
 */
public final class CertificateRotation {

  private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(3);

  private final EdgeCluster cluster;
  private final Duration timeout;
  private final Consumer<String> progress;

  /** @param timeout how long one server (or one Kafka broker's restart) may take to serve its new certificate */
  public CertificateRotation(EdgeCluster cluster, Duration timeout, Consumer<String> progress) {
    this.cluster = cluster;
    this.timeout = timeout;
    this.progress = progress;
  }

  /** A TLS endpoint and the certificate it must end up presenting. */
  public record Endpoint(String name, String host, int port, boolean postgres, Path certificate) {}

  public void run() {
    progress.accept("certificates: new keys for every server and client, from the cluster's CA");
    TlsFiles tls = ClusterCertificates.reissue(cluster.stateDir());
    for (NodeName node : List.of(NodeName.NODE_A, NodeName.NODE_B)) {
      progress.accept("PostgreSQL and Patroni on " + node.id() + ": reloading their certificates");
      PatroniNode.refreshTls(tls, cluster.dir(node, Components.PATRONI));
      cluster.reloadPatroni(node);
    }
    if (CloudSite.isLaunched(cluster)) {
      progress.accept("the cloud PostgreSQL and Patroni: reloading their certificates");
      CloudSite.reloadCertificates(cluster);
    }
    String pem = read(tls.serverPem());
    for (String address : cluster.layout().runtimeApiAddresses()) {
      progress.accept("HAProxy " + address + ": the entry's new certificate through the runtime API");
      try {
        HaproxyRuntimeApi.of(address).replaceCertificate(tls.serverPem().toString(), pem);
      } catch (IOException e) {
        throw new UncheckedIOException("HAProxy " + address + " did not answer", e);
      }
    }
    if (cluster.withApps()) {
      new BrokerRollingRestart(cluster, timeout, progress).run();
    }
    awaitServed(endpoints());
  }

  /** Every TLS server of the cluster, with the certificate it serves. */
  public List<Endpoint> endpoints() {
    TlsFiles tls = cluster.tls();
    var layout = cluster.layout();
    List<Endpoint> endpoints = new ArrayList<>();
    for (NodeName node : NodeName.values()) {
      var ports = layout.ports(node);
      String host = layout.host(node);
      endpoints.add(new Endpoint(node.id() + "'s etcd", host, ports.etcdClient(), false,
          tls.etcdMember().certificate()));
      var entry = layout.entry(node);
      endpoints.add(new Endpoint(node.id() + "'s HAProxy", entry.host(), entry.entryPort(), false,
          tls.serverCertificate()));
      if (node.isDataNode()) {
        endpoints.add(new Endpoint(node.id() + "'s Patroni REST API", host, ports.patroniRest(), false,
            tls.serverCertificate()));
        endpoints.add(new Endpoint(node.id() + "'s PostgreSQL", host, ports.postgres(), true,
            tls.serverCertificate()));
      }
      if (cluster.withApps()) {
        endpoints.add(new Endpoint(node.id() + "'s Kafka broker", host, ports.kafka(), false,
            tls.kafkaBroker()));
      }
    }
    if (CloudSite.isLaunched(cluster)) {
      CloudDataPlane cloud = CloudSite.dataPlane(cluster);
      endpoints.add(new Endpoint("the cloud Patroni REST API", "127.0.0.1", cloud.ports().patroniRest(), false,
          tls.serverCertificate()));
      endpoints.add(new Endpoint("the cloud PostgreSQL", "127.0.0.1", cloud.ports().postgres(), true,
          tls.serverCertificate()));
    }
    return endpoints;
  }

  /** What {@code endpoint} presents now (etcd and Kafka are shown the operations client certificate). */
  public X509Certificate served(Endpoint endpoint) throws IOException {
    return served(asker(), endpoint);
  }

  private ServedCertificate asker() {
    var client = cluster.tls().etcdClient(ClusterCertificates.ETCD_OPERATIONS);
    return new ServedCertificate(
        new ClientTls(cluster.tls().caCertificate(), client.certificate(), client.key()).sslContext(),
        HANDSHAKE_TIMEOUT);
  }

  private static X509Certificate served(ServedCertificate asker, Endpoint endpoint) throws IOException {
    return endpoint.postgres()
        ? asker.ofPostgres(endpoint.host(), endpoint.port())
        : asker.of(endpoint.host(), endpoint.port());
  }

  private void awaitServed(List<Endpoint> endpoints) {
    progress.accept("waiting for " + endpoints.size() + " servers to present their new certificates");
    ServedCertificate asker = asker();
    for (Endpoint endpoint : endpoints) {
      byte[] expected = encoded(certificateIn(endpoint.certificate()));
      Instant deadline = Instant.now().plus(timeout);
      String last = "not asked";
      while (true) {
        try {
          if (Arrays.equals(encoded(served(asker, endpoint)), expected)) {
            break;
          }
          last = "its old certificate";
        } catch (IOException e) {
          last = e.getMessage();
        }
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(endpoint.name() + " (" + endpoint.host() + ":" + endpoint.port()
              + ") does not present its new certificate after " + timeout + ": " + last);
        }
        Pause.millis(500);
      }
    }
  }

  private static byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate certificateIn(Path file) {
    try {
      return ClusterCertificates.readCertificate(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
