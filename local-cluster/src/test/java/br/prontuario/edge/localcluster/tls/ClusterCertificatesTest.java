package br.prontuario.edge.localcluster.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterCertificatesTest {

  @TempDir Path stateDir;

  @Test
  void theServerCertificateChainsToTheClusterCaForLoopbackAndLocalhost() throws Exception {
    var files = ClusterCertificates.ensure(stateDir);
    X509Certificate ca = ClusterCertificates.readCertificate(files.caCertificate());
    X509Certificate server = ClusterCertificates.readCertificate(files.serverCertificate());

    var params = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
    params.setRevocationEnabled(false);
    CertPathValidator.getInstance("PKIX").validate(
        CertificateFactory.getInstance("X.509").generateCertPath(List.of(server)), params);
    assertThat(server.getSubjectAlternativeNames()).contains(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
    assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    // iOS refuses server certificates valid for longer than 825 days
    assertThat(Duration.between(server.getNotBefore().toInstant(), server.getNotAfter().toInstant()))
        .isLessThanOrEqualTo(Duration.ofDays(825));
  }

  @Test
  void privateKeysAreReadableByTheOwnerOnly() throws Exception {
    var files = ClusterCertificates.ensure(stateDir);
    for (Path secret : List.of(files.serverKey(), files.serverPem(), files.dir().resolve("ca.key"))) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).as(secret.toString())
          .isEqualTo("rw-------");
    }
    assertThat(Files.readString(files.serverPem())).contains("BEGIN CERTIFICATE", "BEGIN PRIVATE KEY");
  }

  @Test
  void aSecondUpReusesTheCaAndTheServerCertificate() throws Exception {
    var first = ClusterCertificates.ensure(stateDir);
    String ca = Files.readString(first.caCertificate());
    String server = Files.readString(first.serverPem());

    var second = ClusterCertificates.ensure(stateDir);

    assertThat(Files.readString(second.caCertificate())).isEqualTo(ca);
    assertThat(Files.readString(second.serverPem())).isEqualTo(server);
  }

  @Test
  void aMissingServerCertificateIsReissuedByTheSameCa() throws Exception {
    var files = ClusterCertificates.ensure(stateDir);
    String ca = Files.readString(files.caCertificate());
    Files.delete(files.serverCertificate());

    ClusterCertificates.ensure(stateDir);

    assertThat(Files.readString(files.caCertificate())).isEqualTo(ca);
    X509Certificate server = ClusterCertificates.readCertificate(files.serverCertificate());
    server.verify(ClusterCertificates.readCertificate(files.caCertificate()).getPublicKey());
  }

  @Test
  void etcdGetsAPeerCertificateAndEachClientItsOwnOneFromTheSameCa() throws Exception {
    var files = ClusterCertificates.ensure(stateDir);
    X509Certificate ca = ClusterCertificates.readCertificate(files.caCertificate());

    X509Certificate member = ClusterCertificates.readCertificate(files.etcdMember().certificate());
    member.verify(ca.getPublicKey());
    // serverAuth and clientAuth: members dial each other with what they serve
    assertThat(member.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
    assertThat(member.getSubjectAlternativeNames()).contains(List.of(7, "127.0.0.1"));
    for (String client : ClusterCertificates.ETCD_CLIENTS) {
      var pair = files.etcdClient(client);
      X509Certificate certificate = ClusterCertificates.readCertificate(pair.certificate());
      certificate.verify(ca.getPublicKey());
      assertThat(certificate.getSubjectX500Principal().getName()).matches("(.*,)?CN=" + client + "(,.*)?");
      assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pair.key()))).isEqualTo("rw-------");
      // the JDK reads the PEM key and certificate the way edge-node and the controller will
      assertThat(files.etcdClientTls(client).sslContext().getProtocol()).isEqualTo("TLS");
    }
    String operations = Files.readString(files.etcdClient(ClusterCertificates.ETCD_OPERATIONS).certificate());
    ClusterCertificates.ensure(stateDir);
    assertThat(Files.readString(files.etcdClient(ClusterCertificates.ETCD_OPERATIONS).certificate()))
        .isEqualTo(operations);
  }

  @Test
  void reissuingGivesEveryServerAndClientANewKeyFromTheSameCa() throws Exception {
    var files = ClusterCertificates.ensure(stateDir);
    String ca = Files.readString(files.caCertificate());
    List<Path> leaves = new java.util.ArrayList<>(List.of(files.serverCertificate(),
        files.etcdMember().certificate(), files.kafkaBroker()));
    ClusterCertificates.ETCD_CLIENTS.forEach(c -> leaves.add(files.etcdClient(c).certificate()));
    ClusterCertificates.KAFKA_CLIENTS.forEach(c -> leaves.add(files.kafkaClient(c)));
    List<X509Certificate> before = new java.util.ArrayList<>();
    for (Path leaf : leaves) {
      before.add(ClusterCertificates.readCertificate(leaf));
    }

    ClusterCertificates.reissue(stateDir);

    assertThat(Files.readString(files.caCertificate())).as("phones keep trusting the CA").isEqualTo(ca);
    X509Certificate authority = ClusterCertificates.readCertificate(files.caCertificate());
    for (int i = 0; i < leaves.size(); i++) {
      X509Certificate after = ClusterCertificates.readCertificate(leaves.get(i));
      assertThat(after.getPublicKey()).as(leaves.get(i) + " has a new key")
          .isNotEqualTo(before.get(i).getPublicKey());
      assertThat(after.getSubjectX500Principal()).isEqualTo(before.get(i).getSubjectX500Principal());
      after.verify(authority.getPublicKey());
    }
    assertThat(Files.readString(files.serverPem())).startsWith(Files.readString(files.serverCertificate()));
    for (Path secret : List.of(files.serverKey(), files.serverPem(), files.etcdMember().key(),
        files.kafkaBroker())) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).as(secret.toString())
          .isEqualTo("rw-------");
    }
    try (var left = Files.list(files.dir())) {
      assertThat(left.map(Path::toString)).noneMatch(name -> name.endsWith(".next"));
    }
  }

  @Test
  void reissuingNeedsTheClusterCa(@TempDir Path empty) {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ClusterCertificates.reissue(empty))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no certificate authority");
  }
}
