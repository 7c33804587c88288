package br.prontuario.edge.site.patroni;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One request to Patroni's REST API and its whole answer. Patroni 3.0 answers HTTP/1.0 without a
 * {@code Content-Length} and ends the body by closing the connection; over TLS the JDK's
 * {@code HttpClient} (17) never sees that end after the server's close_notify and waits past its
 * own timeout (found when the REST API got TLS). So this speaks HTTP/1.0 itself: one connection
 * per request, the body read until the server closes it, the whole exchange within a deadline.
 */
final class Http10Exchange {

  /** The status and body of an answer. */
  record Answer(int status, String body) {}

  private final SSLSocketFactory tls;
  private final Duration connectTimeout;

  /** {@code tls} is used for {@code https://} URLs; null = the JDK's default trust. */
  Http10Exchange(SSLSocketFactory tls, Duration connectTimeout) {
    this.tls = tls == null ? (SSLSocketFactory) SSLSocketFactory.getDefault() : tls;
    this.connectTimeout = connectTimeout;
  }

  Answer exchange(String method, URI url, String json, String authorization, Duration patience)
      throws IOException {
    Instant deadline = Instant.now().plus(patience);
    boolean https = "https".equalsIgnoreCase(url.getScheme());
    int port = url.getPort() > 0 ? url.getPort() : https ? 443 : 80;
    try (Socket tcp = new Socket()) {
      tcp.connect(new InetSocketAddress(url.getHost(), port), (int) connectTimeout.toMillis());
      Socket socket = https ? verified(tcp, url.getHost(), port) : tcp;
      socket.setSoTimeout(remainingMillis(deadline));
      OutputStream out = socket.getOutputStream();
      out.write(request(method, url, port, json, authorization));
      out.flush();
      return parse(readUntilClosed(socket, deadline));
    }
  }

  private Socket verified(Socket tcp, String host, int port) throws IOException {
    SSLSocket socket = (SSLSocket) tls.createSocket(tcp, host, port, true);
    SSLParameters parameters = socket.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
    socket.setSSLParameters(parameters);
    return socket;
  }

  private static byte[] request(String method, URI url, int port, String json, String authorization) {
    String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
        + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder()
        .append(method).append(' ').append(path).append(" HTTP/1.0\r\n")
        .append("Host: ").append(url.getHost()).append(':').append(port).append("\r\n")
        .append("Connection: close\r\n");
    if (authorization != null) {
      head.append("Authorization: ").append(authorization).append("\r\n");
    }
    if (json != null) {
      head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
    }
    byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] request = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, request, 0, headBytes.length);
    System.arraycopy(body, 0, request, headBytes.length, body.length);
    return request;
  }

  private static byte[] readUntilClosed(Socket socket, Instant deadline) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    while (true) {
      socket.setSoTimeout(remainingMillis(deadline));
      int n = in.read(buffer);
      if (n < 0) {
        return answer.toByteArray();
      }
      answer.write(buffer, 0, n);
    }
  }

  private static int remainingMillis(Instant deadline) throws SocketTimeoutException {
    long left = Duration.between(Instant.now(), deadline).toMillis();
    if (left <= 0) {
      throw new SocketTimeoutException("no complete answer before the deadline");
    }
    return (int) Math.min(left, Integer.MAX_VALUE);
  }

  /** Status line, headers, body; a {@code Content-Length}, when there is one, bounds the body. */
  static Answer parse(byte[] raw) throws IOException {
    String text = new String(raw, StandardCharsets.UTF_8);
    int headEnd = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/") || headEnd < 0) {
      throw new IOException("not an HTTP answer");
    }
    String[] lines = text.substring(0, headEnd).split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    int status;
    try {
      status = Integer.parseInt(statusLine[1]);
    } catch (RuntimeException e) {
      throw new IOException("bad status line " + lines[0]);
    }
    String body = text.substring(headEnd + 4);
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].toLowerCase(Locale.ROOT);
      if (line.startsWith("content-length:")) {
        int length = Integer.parseInt(line.substring(15).trim());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        body = new String(bytes, 0, Math.min(length, bytes.length), StandardCharsets.UTF_8);
      }
    }
    return new Answer(status, body);
  }
}
