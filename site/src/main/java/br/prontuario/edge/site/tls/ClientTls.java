package br.prontuario.edge.site.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * A client's TLS identity towards a server that asks for client certificates (etcd): the CA that
 * signed the server's certificate, and this client's own certificate and PKCS#8 key, all PEM.
 * Plain {@code http://} URLs are unaffected by it, so one client can reach both kinds.
 */
public record ClientTls(Path caCertificate, Path certificate, Path key) {

  private static final char[] NO_PASSWORD = new char[0];

  /** All three or none: a half-configured identity would fail only at the first TLS handshake. */
  public ClientTls {
    if (caCertificate == null || certificate == null || key == null) {
      throw new IllegalArgumentException("a client TLS identity needs caCertificate, certificate and key;"
          + " was " + caCertificate + ", " + certificate + ", " + key);
    }
  }

  /** An HTTP client that presents this identity and trusts only the CA. */
  public HttpClient httpClient(Duration connectTimeout) {
    return HttpClient.newBuilder().connectTimeout(connectTimeout).sslContext(sslContext()).build();
  }

  /** An HTTP client with {@code tls} when given, the JDK's defaults otherwise. */
  public static HttpClient httpClient(ClientTls tls, Duration connectTimeout) {
    return tls == null ? HttpClient.newBuilder().connectTimeout(connectTimeout).build()
        : tls.httpClient(connectTimeout);
  }

  /**
   * A TLS context that trusts only {@code caCertificate} and presents no certificate of its own,
   * for a server that authenticates its callers otherwise (Patroni's REST API: a password).
   */
  public static SSLContext trustingOnly(Path caCertificate) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trusting(caCertificate), null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the CA certificate " + caCertificate, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("unusable CA certificate " + caCertificate + ": " + e.getMessage(), e);
    }
  }

  public SSLContext sslContext() {
    try {
      KeyStore identity = KeyStore.getInstance("PKCS12");
      identity.load(null, null);
      identity.setKeyEntry("client", privateKey(), NO_PASSWORD,
          certificates(certificate).toArray(Certificate[]::new));
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(identity, NO_PASSWORD);

      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), trusting(caCertificate), null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the TLS files " + this, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("unusable TLS files " + this + ": " + e.getMessage(), e);
    }
  }

  /** Trust managers that trust exactly the certificates in {@code caCertificate} (PEM or DER). */
  public static TrustManager[] trusting(Path caCertificate) throws IOException, GeneralSecurityException {
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trustStore(caCertificate));
    return trust.getTrustManagers();
  }

  /** An in-memory PKCS#12 store of exactly the certificates in {@code caCertificate}. */
  public static KeyStore trustStore(Path caCertificate) throws IOException, GeneralSecurityException {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    int i = 0;
    for (Certificate ca : certificates(caCertificate)) {
      trusted.setCertificateEntry("ca-" + i++, ca);
    }
    return trusted;
  }

  private static List<? extends Certificate> certificates(Path pem) throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(pem)) {
      List<? extends Certificate> read = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
      if (read.isEmpty()) {
        throw new GeneralSecurityException(pem + " holds no certificate");
      }
      return read;
    }
  }

  /** PKCS#8 ("BEGIN PRIVATE KEY"): EC keys as the cluster's CA issues them, RSA from a hospital's own CA. */
  private PrivateKey privateKey() throws IOException, GeneralSecurityException {
    String pem = Files.readString(key);
    int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
    int end = pem.indexOf("-----END PRIVATE KEY-----");
    if (begin < 0 || end < begin) {
      throw new GeneralSecurityException(key + " is not a PKCS#8 PEM key (BEGIN PRIVATE KEY)");
    }
    byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + 27, end));
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    try {
      return KeyFactory.getInstance("EC").generatePrivate(spec);
    } catch (GeneralSecurityException notEc) {
      return KeyFactory.getInstance("RSA").generatePrivate(spec);
    }
  }
}
