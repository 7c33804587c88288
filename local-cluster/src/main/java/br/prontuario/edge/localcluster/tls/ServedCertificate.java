package br.prontuario.edge.localcluster.tls;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * The certificate a running server presents, read by a TLS handshake: how a certificate rotation
 * knows each server loaded its new one. PostgreSQL speaks TLS only after its {@code SSLRequest}
 * message, so {@link #ofPostgres} sends that first.
 */
public final class ServedCertificate {

  /** PostgreSQL's SSLRequest code (1234 in the high half, 5679 in the low). */
  private static final int SSL_REQUEST = 80877103;

  private final SSLContext context;
  private final Duration timeout;

  /**
   * @param context trusts the cluster CA and, for servers that ask for one (etcd, Kafka), carries
   *     a client certificate from it
   */
  public ServedCertificate(SSLContext context, Duration timeout) {
    this.context = context;
    this.timeout = timeout;
  }

  /** The leaf certificate a TLS server on {@code host:port} presents. */
  public X509Certificate of(String host, int port) throws IOException {
    try (Socket plain = connect(host, port)) {
      return handshake(plain, host, port);
    }
  }

  /** The leaf certificate PostgreSQL on {@code host:port} presents. */
  public X509Certificate ofPostgres(String host, int port) throws IOException {
    try (Socket plain = connect(host, port)) {
      DataOutputStream out = new DataOutputStream(plain.getOutputStream());
      out.writeInt(8);
      out.writeInt(SSL_REQUEST);
      out.flush();
      int answer = new DataInputStream(plain.getInputStream()).read();
      if (answer != 'S') {
        throw new IOException("PostgreSQL on " + host + ":" + port + " refused TLS");
      }
      return handshake(plain, host, port);
    }
  }

  private Socket connect(String host, int port) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
    socket.setSoTimeout((int) timeout.toMillis());
    return socket;
  }

  private X509Certificate handshake(Socket plain, String host, int port) throws IOException {
    try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, false)) {
      tls.startHandshake();
      return (X509Certificate) tls.getSession().getPeerCertificates()[0];
    }
  }
}
