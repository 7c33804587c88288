package br.prontuario.edge.site.lab;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Sends one HL7 v2 message over MLLP ({@code 0x0B message 0x1C 0x0D}) and reads the
 * acknowledgment: for {@code edgectl lab send}, {@code edgectl bench lab} and the lab tests.
 * Plain TCP to an edge-node's own listener, or TLS to an entry HAProxy (host name verified).
 */
public final class MllpClient {

  private final String host;
  private final int port;
  private final Duration timeout;
  private final SSLContext tls;

  public MllpClient(String host, int port, Duration timeout) {
    this(host, port, timeout, null);
  }

  /** @param tls the context whose trust the server's certificate must pass; null for plain TCP */
  public MllpClient(String host, int port, Duration timeout, SSLContext tls) {
    this.host = host;
    this.port = port;
    this.timeout = timeout;
    this.tls = tls;
  }

  /** The message with MSH-8 (Security), where a sender puts its token, set to {@code token}. */
  public static String withSecurity(String message, String token) {
    int end = message.indexOf('\r');
    String msh = end < 0 ? message : message.substring(0, end);
    if (!msh.startsWith("MSH|")) {
      throw new IllegalArgumentException("the message does not start with an MSH segment");
    }
    List<String> fields = new ArrayList<>(List.of(msh.split("\\|", -1)));
    while (fields.size() < 8) {
      fields.add("");
    }
    fields.set(7, token); // fields[0] is "MSH", fields[1] MSH-2: MSH-n is fields[n - 1]
    return String.join("|", fields) + (end < 0 ? "" : message.substring(end));
  }

  /** The message as written in a file: line ends become HL7's segment separator (CR). */
  public static String segments(String text) {
    return text.strip().replace("\r\n", "\r").replace('\n', '\r') + "\r";
  }

  public Ack send(String message) throws IOException {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(0x0B);
      out.write(message.getBytes(StandardCharsets.UTF_8));
      out.write(0x1C);
      out.write(0x0D);
      out.flush();
      return Ack.of(readFrame(new BufferedInputStream(socket.getInputStream())));
    }
  }

  private Socket connect() throws IOException {
    Socket plain = new Socket();
    try {
      plain.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      plain.setSoTimeout((int) timeout.toMillis());
      if (tls == null) {
        return plain;
      }
      SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, true);
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      return socket;
    } catch (IOException e) {
      plain.close();
      throw e;
    }
  }

  private static String readFrame(InputStream in) throws IOException {
    int b;
    while ((b = in.read()) != 0x0B) {
      if (b == -1) {
        throw new IOException("the server closed the connection without an acknowledgment");
      }
    }
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    while ((b = in.read()) != 0x1C) {
      if (b == -1) {
        throw new IOException("the acknowledgment was cut off");
      }
      frame.write(b);
    }
    return frame.toString(StandardCharsets.UTF_8);
  }

  /** An acknowledgment: MSA-1 (AA, AE, AR), MSA-2 and the ERR text if any. */
  public record Ack(String code, String controlId, String text, String raw) {

    static Ack of(String raw) {
      String code = "";
      String controlId = "";
      String text = "";
      for (String segment : raw.split("\r")) {
        String[] fields = segment.split("\\|", -1);
        if (fields[0].equals("MSA")) {
          code = fields.length > 1 ? fields[1] : "";
          controlId = fields.length > 2 ? fields[2] : "";
          text = fields.length > 3 && !fields[3].isEmpty() ? fields[3] : text;
        } else if (fields[0].equals("ERR") && fields.length > 8 && !fields[8].isEmpty()) {
          text = fields[8];
        }
      }
      return new Ack(code, controlId, text, raw);
    }

    public boolean accepted() {
      return code.equals("AA") || code.equals("CA");
    }
  }
}
