package br.prontuario.edge.localcluster.tls;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.localcluster.process.Binaries;
import br.prontuario.edge.localcluster.process.FreePorts;
import br.prontuario.edge.localcluster.process.ManagedProcess;
import br.prontuario.edge.site.haproxy.HaproxyRuntimeApi;
import br.prontuario.edge.site.tls.ClientTls;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a certificate rotation relies on, against the real servers: HAProxy swaps its certificate
 * through the runtime API while a connection opened before keeps working, and etcd presents a new
 * certificate as soon as its files are replaced, with nothing said to it.
 */
class CertificateReloadIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  @TempDir Path dir;
  private ManagedProcess haproxy;
  private ManagedProcess etcd;

  @AfterEach
  void stop() {
    for (ManagedProcess process : new ManagedProcess[] {haproxy, etcd}) {
      if (process != null) {
        process.stop(Duration.ofSeconds(5));
      }
    }
  }

  @Test
  void haproxyServesTheNewCertificateToNewConnectionsAndKeepsTheOpenOne() throws Exception {
    var tls = ClusterCertificates.ensure(dir);
    int entry = FreePorts.next();
    HaproxyRuntimeApi api = startHaproxy(tls, entry);
    ServedCertificate served = new ServedCertificate(ClientTls.trustingOnly(tls.caCertificate()), TIMEOUT);
    X509Certificate old = served.of("127.0.0.1", entry);
    SSLSocket open = (SSLSocket) ClientTls.trustingOnly(tls.caCertificate()).getSocketFactory()
        .createSocket("127.0.0.1", entry);
    open.setSoTimeout(5_000);
    assertThat(get(open)).startsWith("HTTP/1.1 200");

    ClusterCertificates.reissue(dir);
    api.replaceCertificate(tls.serverPem().toString(), Files.readString(tls.serverPem()));

    X509Certificate now = served.of("127.0.0.1", entry);
    assertThat(now.getEncoded()).isEqualTo(ClusterCertificates.readCertificate(tls.serverCertificate()).getEncoded());
    assertThat(now.getPublicKey()).isNotEqualTo(old.getPublicKey());
    assertThat(get(open)).as("the connection opened before the swap").startsWith("HTTP/1.1 200");
    open.close();
  }

  @Test
  void haproxyRefusesACertificateItCannotUseAndKeepsServingTheOldOne() throws Exception {
    var tls = ClusterCertificates.ensure(dir);
    int entry = FreePorts.next();
    HaproxyRuntimeApi api = startHaproxy(tls, entry);
    ServedCertificate served = new ServedCertificate(ClientTls.trustingOnly(tls.caCertificate()), TIMEOUT);
    X509Certificate old = served.of("127.0.0.1", entry);

    // a certificate without its key
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> api.replaceCertificate(
        tls.serverPem().toString(), Files.readString(tls.serverCertificate())))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("HAProxy " + api.address());
    api.execute("abort ssl cert " + tls.serverPem());

    assertThat(served.of("127.0.0.1", entry).getEncoded()).isEqualTo(old.getEncoded());
  }

  @Test
  void etcdPresentsItsNewCertificateOnTheNextHandshakeWithoutBeingTold() throws Exception {
    var tls = ClusterCertificates.ensure(dir);
    int client = FreePorts.next();
    int peer = FreePorts.next();
    var member = tls.etcdMember();
    etcd = ManagedProcess.start("etcd", List.of(Binaries.require("etcd", "etcd", "etcd").toString(),
        "--name", "solo", "--data-dir", dir.resolve("etcd").toString(),
        "--listen-client-urls", "https://127.0.0.1:" + client,
        "--advertise-client-urls", "https://127.0.0.1:" + client,
        "--listen-peer-urls", "http://127.0.0.1:" + peer,
        "--initial-advertise-peer-urls", "http://127.0.0.1:" + peer,
        "--initial-cluster", "solo=http://127.0.0.1:" + peer,
        "--cert-file", member.certificate().toString(), "--key-file", member.key().toString(),
        "--trusted-ca-file", tls.caCertificate().toString(), "--client-cert-auth"),
        dir, dir.resolve("etcd.log"), Map.of());
    etcd.awaitPort(client, Duration.ofSeconds(20));
    var operations = tls.etcdClient(ClusterCertificates.ETCD_OPERATIONS);
    ServedCertificate served = new ServedCertificate(
        new ClientTls(tls.caCertificate(), operations.certificate(), operations.key()).sslContext(), TIMEOUT);
    X509Certificate old = served.of("127.0.0.1", client);

    ClusterCertificates.reissue(dir);

    X509Certificate now = served.of("127.0.0.1", client);
    assertThat(now.getPublicKey()).isNotEqualTo(old.getPublicKey());
    assertThat(now.getEncoded()).isEqualTo(ClusterCertificates.readCertificate(member.certificate()).getEncoded());
  }

  /** A TLS entry on {@code entry} that answers 200 to everything; returns its runtime API. */
  private HaproxyRuntimeApi startHaproxy(ClusterCertificates.TlsFiles tls, int entry) throws Exception {
    int admin = FreePorts.next();
    Path cfg = dir.resolve("haproxy.cfg");
    Files.writeString(cfg, String.join("\n",
        "global",
        "  stats socket ipv4@127.0.0.1:" + admin + " level admin",
        "defaults",
        "  mode http",
        "  timeout connect 2s",
        "  timeout client 30s",
        "  timeout server 10s",
        "  timeout http-keep-alive 30s",
        "frontend entry",
        "  bind 127.0.0.1:" + entry + " ssl crt " + tls.serverPem(),
        "  http-request return status 200 content-type text/plain string ok",
        ""));
    haproxy = ManagedProcess.start("haproxy", List.of(Binaries.require("haproxy", "haproxy", "haproxy").toString(),
        "-db", "-f", cfg.toString()), dir, dir.resolve("haproxy.log"), Map.of());
    haproxy.awaitPort(entry, Duration.ofSeconds(20));
    return new HaproxyRuntimeApi("127.0.0.1", admin, TIMEOUT);
  }

  private static String get(SSLSocket socket) throws Exception {
    OutputStream out = socket.getOutputStream();
    out.write("GET / HTTP/1.1\r\nHost: entry\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    String status = in.readLine();
    // drain the headers and the short body so the next request starts clean
    String line;
    int length = 0;
    while ((line = in.readLine()) != null && !line.isEmpty()) {
      if (line.toLowerCase().startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    for (int i = 0; i < length; i++) {
      in.read();
    }
    return status;
  }
}
