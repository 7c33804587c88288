package br.prontuario.edge.localcluster.tls;

import br.prontuario.edge.site.tls.ClientTls;
import java.net.http.HttpClient;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;

/**
 * The one place where Java clients (the drill's load, edgectl, tests) learn to trust a cluster's
 * entry point: an {@link SSLContext} that trusts the cluster's CA certificate, and an
 * {@link HttpClient.Builder} using it. With no CA (a plain-http URL, or a production entry point
 * with a publicly trusted certificate) the JDK's default trust applies.
 */
public final class ClusterTrust {

  private ClusterTrust() {}

  /** Trusts exactly {@code caCertificate} (PEM or DER). */
  public static SSLContext sslContext(Path caCertificate) {
    return ClientTls.trustingOnly(caCertificate);
  }

  /**
   * pgjdbc's URL parameters that check a PostgreSQL server's certificate against {@code
   * caCertificate}, name included ({@code sslmode=verify-full}).
   */
  public static String jdbcVerifyFull(Path caCertificate) {
    return "sslmode=verify-full&sslrootcert=" + caCertificate;
  }

  /** An HTTP client builder trusting {@code caCertificate}, or the JDK's defaults when it is null. */
  public static HttpClient.Builder httpClient(Path caCertificate) {
    HttpClient.Builder builder = HttpClient.newBuilder();
    return caCertificate == null ? builder : builder.sslContext(sslContext(caCertificate));
  }
}
