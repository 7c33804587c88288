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

/**
 * Sends one HL7 v2 message over MLLP ({@code 0x0B message 0x1C 0x0D}) and reads the
 * acknowledgment: for {@code edgectl lab send} and the lab tests.
 */
public final class MllpClient {

  private final String host;
  private final int port;
  private final Duration timeout;

  public MllpClient(String host, int port, Duration timeout) {
    this.host = host;
    this.port = port;
    this.timeout = timeout;
  }

  /** The message as written in a file: line ends become HL7's segment separator (CR). */
  public static String segments(String text) {
    return text.strip().replace("\r\n", "\r").replace('\n', '\r') + "\r";
  }

  public Ack send(String message) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(0x0B);
      out.write(message.getBytes(StandardCharsets.UTF_8));
      out.write(0x1C);
      out.write(0x0D);
      out.flush();
      return Ack.of(readFrame(new BufferedInputStream(socket.getInputStream())));
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
