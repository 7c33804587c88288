package br.prontuario.edge.localcluster.tls;

import br.prontuario.edge.site.tls.ClientTls;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * The local cluster's HTTPS material in {@code DIR/tls/}: a certificate authority
 * ({@code ca.crt}, {@code ca.key}) created on the first {@code up} and kept, and a server
 * certificate it signs for 127.0.0.1, localhost and this machine's name ({@code server.crt},
 * {@code server.key}, and {@code server.pem} = both, for HAProxy). Private keys are mode 600.
 * The server certificate is re-issued from the same CA when it nears its end or the machine's name
 * changed, so a phone that trusts the CA keeps trusting the entry point. Under {@code etcd/}: the
 * certificate etcd's members serve and peer with, and one client certificate per kind of client
 * (etcd refuses any connection without a certificate this CA signed).
 */
public final class ClusterCertificates {

  public static final String FOLDER = "tls";
  private static final Duration RENEW_BEFORE = Duration.ofDays(30);

  private ClusterCertificates() {}

  /** Where the files of one cluster folder are. */
  public record TlsFiles(Path dir) {
    public Path caCertificate() {
      return dir.resolve("ca.crt");
    }

    Path caKey() {
      return dir.resolve("ca.key");
    }

    public Path serverCertificate() {
      return dir.resolve("server.crt");
    }

    public Path serverKey() {
      return dir.resolve("server.key");
    }

    /** Certificate then key in one file: what HAProxy's {@code crt} takes. */
    public Path serverPem() {
      return dir.resolve("server.pem");
    }

    /** What every etcd member serves and peers with (it names 127.0.0.1, where all three listen). */
    public KeyFiles etcdMember() {
      return new KeyFiles(dir.resolve("etcd/member.crt"), dir.resolve("etcd/member.key"));
    }

    /** One etcd client's certificate (CN = {@code client}), one of {@link #ETCD_CLIENTS}. */
    public KeyFiles etcdClient(String client) {
      if (!ETCD_CLIENTS.contains(client)) {
        throw new IllegalArgumentException("no etcd client certificate named " + client);
      }
      return new KeyFiles(dir.resolve("etcd/" + client + ".crt"), dir.resolve("etcd/" + client + ".key"));
    }

    /**
     * What every Kafka broker serves and uses towards the other brokers and controllers (it names
     * 127.0.0.1, where all three listen): its certificate then its key in one file, as Kafka's PEM
     * key store takes it.
     */
    public Path kafkaBroker() {
      return dir.resolve("kafka/broker.pem");
    }

    /** One Kafka client's certificate and key in one PEM file (CN = {@code client}). */
    public Path kafkaClient(String client) {
      if (!KAFKA_CLIENTS.contains(client)) {
        throw new IllegalArgumentException("no Kafka client certificate named " + client);
      }
      return dir.resolve("kafka/" + client + ".pem");
    }

    /** {@code client}'s identity towards etcd, trusting the cluster CA. */
    public ClientTls etcdClientTls(String client) {
      KeyFiles files = etcdClient(client);
      return new ClientTls(caCertificate(), files.certificate(), files.key());
    }
  }

  /** A certificate and its private key (mode 600). */
  public record KeyFiles(Path certificate, Path key) {}

  /** Patroni on each node. */
  public static final String ETCD_PATRONI = "patroni";
  /** edge-node (the audit anchor). */
  public static final String ETCD_EDGE_NODE = "edge-node";
  /** edgectl, the drill and the local failover controllers (named in cluster.json). */
  public static final String ETCD_OPERATIONS = "operations";
  public static final List<String> ETCD_CLIENTS = List.of(ETCD_PATRONI, ETCD_EDGE_NODE, ETCD_OPERATIONS);
  /** The event bus's clients: edge-node's relay, and edgectl (events tail) with the drills. */
  public static final String KAFKA_EDGE_NODE = "edge-node";
  public static final String KAFKA_OPERATIONS = "operations";
  public static final List<String> KAFKA_CLIENTS = List.of(KAFKA_EDGE_NODE, KAFKA_OPERATIONS);

  public static TlsFiles in(Path stateDir) {
    return new TlsFiles(stateDir.toAbsolutePath().resolve(FOLDER));
  }

  /** Creates what is missing (or due) and returns the files; idempotent. */
  public static TlsFiles ensure(Path stateDir) {
    return issue(stateDir, false);
  }

  /**
   * New keys and certificates for every server and client from the cluster's own CA, which stays
   * (phones and every trust store keep trusting it): {@code edgectl rotate-secrets}. Each file is
   * replaced in one rename, so a server that re-reads its files (etcd does on every handshake)
   * never reads half of one.
   *
   * @throws IllegalStateException when the cluster has no CA yet
   */
  public static TlsFiles reissue(Path stateDir) {
    TlsFiles files = in(stateDir);
    if (!Files.isRegularFile(files.caKey()) || !Files.isRegularFile(files.caCertificate())) {
      throw new IllegalStateException("no certificate authority in " + files.dir() + ": start the cluster first");
    }
    return issue(stateDir, true);
  }

  private static TlsFiles issue(Path stateDir, boolean renewAll) {
    TlsFiles files = in(stateDir);
    try {
      Files.createDirectories(files.dir());
      CertificateIssuer.Issued ca = Files.isRegularFile(files.caKey())
          && Files.isRegularFile(files.caCertificate())
          ? readAuthority(files)
          : writeAuthority(files);
      if (renewAll || !serverStillGood(files.serverCertificate())) {
        writeServer(files, CertificateIssuer.server(ca, dnsNames(), List.of("127.0.0.1")));
      }
      Files.createDirectories(files.etcdMember().certificate().getParent());
      if (renewAll || !stillGood(files.etcdMember().certificate(), List.of("localhost"))) {
        writePair(files.etcdMember(), CertificateIssuer.peer(ca, List.of("localhost"), List.of("127.0.0.1")));
      }
      for (String client : ETCD_CLIENTS) {
        if (renewAll || !stillGood(files.etcdClient(client).certificate(), List.of())) {
          writePair(files.etcdClient(client), CertificateIssuer.client(ca, client));
        }
      }
      Files.createDirectories(files.kafkaBroker().getParent());
      if (renewAll || !stillGood(files.kafkaBroker(), List.of("localhost"))) {
        writeCombined(files.kafkaBroker(), CertificateIssuer.peer(ca, List.of("localhost"), List.of("127.0.0.1")));
      }
      for (String client : KAFKA_CLIENTS) {
        if (renewAll || !stillGood(files.kafkaClient(client), List.of())) {
          writeCombined(files.kafkaClient(client), CertificateIssuer.client(ca, client));
        }
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the TLS files in " + files.dir(), e);
    }
  }

  /** localhost first, then this machine's name (and its mDNS form, which phones on the Wi-Fi resolve). */
  static List<String> dnsNames() {
    List<String> names = new ArrayList<>(List.of("localhost"));
    try {
      String host = InetAddress.getLocalHost().getHostName();
      if (!host.isBlank() && !host.equals("localhost") && !host.matches("[0-9.:]+")) {
        names.add(host);
        if (!host.contains(".")) {
          names.add(host + ".local");
        }
      }
    } catch (IOException unresolvable) {
      // a machine without a resolvable name: 127.0.0.1 and localhost still work
    }
    return names;
  }

  private static CertificateIssuer.Issued writeAuthority(TlsFiles files) throws IOException {
    CertificateIssuer.Issued ca = CertificateIssuer.authority("Prontuário Edge local CA "
        + dnsNames().get(dnsNames().size() - 1));
    writeSecret(files.caKey(), pem(ca.keys().getPrivate()));
    writePublic(files.caCertificate(), pem(ca.certificate()));
    return ca;
  }

  private static void writeServer(TlsFiles files, CertificateIssuer.Issued server) throws IOException {
    String key = pem(server.keys().getPrivate());
    String certificate = pem(server.certificate());
    writeSecret(files.serverKey(), key);
    writeSecret(files.serverPem(), certificate + key);
    writePublic(files.serverCertificate(), certificate);
  }

  /** Certificate first (so {@link #stillGood} reads it), then the key; mode 600. */
  private static void writeCombined(Path file, CertificateIssuer.Issued issued) throws IOException {
    writeSecret(file, pem(issued.certificate()) + pem(issued.keys().getPrivate()));
  }

  private static void writePair(KeyFiles files, CertificateIssuer.Issued issued) throws IOException {
    writeSecret(files.key(), pem(issued.keys().getPrivate()));
    writePublic(files.certificate(), pem(issued.certificate()));
  }

  private static boolean serverStillGood(Path file) throws IOException {
    return stillGood(file, dnsNames());
  }

  private static boolean stillGood(Path file, List<String> names) throws IOException {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    X509Certificate certificate = readCertificate(file);
    boolean fresh = certificate.getNotAfter().toInstant().isAfter(Instant.now().plus(RENEW_BEFORE));
    return fresh && subjectNames(certificate).containsAll(names);
  }

  private static Set<String> subjectNames(X509Certificate certificate) {
    Set<String> names = new HashSet<>();
    try {
      Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
      if (sans != null) {
        sans.forEach(san -> names.add(String.valueOf(san.get(1))));
      }
    } catch (CertificateParsingException e) {
      return Set.of();
    }
    return names;
  }

  /**
   * Written to a mode-600 file beside it, then renamed over it: the key is never readable by
   * others, not even briefly, and a reader sees the old file or the new one, never a part.
   */
  private static void writeSecret(Path file, String content) throws IOException {
    Path next = file.resolveSibling(file.getFileName() + ".next");
    Files.deleteIfExists(next);
    Files.createFile(next, PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rw-------")));
    Files.writeString(next, content);
    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void writePublic(Path file, String content) throws IOException {
    Path next = file.resolveSibling(file.getFileName() + ".next");
    Files.writeString(next, content);
    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String pem(X509Certificate certificate) throws IOException {
    return pemOf(certificate);
  }

  /** PKCS#8 ("PRIVATE KEY"), with the curve named: what OpenSSL, HAProxy and the JDK all read. */
  private static String pem(PrivateKey key) throws IOException {
    return pemOf(new JcaPKCS8Generator(key, null));
  }

  private static String pemOf(Object object) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    }
    return out.toString();
  }

  public static X509Certificate readCertificate(Path file) throws IOException {
    try (PEMParser parser = new PEMParser(new StringReader(Files.readString(file)))) {
      return new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) parser.readObject());
    } catch (java.security.cert.CertificateException | ClassCastException e) {
      throw new IOException(file + " is not a PEM certificate", e);
    }
  }

  private static CertificateIssuer.Issued readAuthority(TlsFiles files) throws IOException {
    X509Certificate certificate = readCertificate(files.caCertificate());
    try (PEMParser parser = new PEMParser(new StringReader(Files.readString(files.caKey())))) {
      var key = new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) parser.readObject());
      return new CertificateIssuer.Issued(certificate, new KeyPair(certificate.getPublicKey(), key));
    } catch (ClassCastException e) {
      throw new IOException(files.caKey() + " is not a PKCS#8 PEM key", e);
    }
  }
}
