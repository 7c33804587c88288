package br.prontuario.edge.site.resp;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Just enough of the Redis protocol (RESP2) for operations and probes (ROLE, PING, SENTINEL
 * queries): one command per connection, one reply, after {@code AUTH} when the client has
 * credentials. Replies come back as String, Long, List or null; an error reply throws.
 */
public final class RespClient {

  private final Duration timeout;
  private final RespCredentials credentials;

  /** A client for servers without authentication. */
  public RespClient(Duration timeout) {
    this(timeout, RespCredentials.NONE);
  }

  public RespClient(Duration timeout, RespCredentials credentials) {
    this.timeout = timeout;
    this.credentials = credentials;
  }

  /** One command to {@code host:port}; IOException when it does not answer or answers an error. */
  public Object call(String host, int port, String... command) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      InputStream in = new BufferedInputStream(socket.getInputStream());
      if (credentials.present()) {
        socket.getOutputStream().write(credentials.username().isEmpty()
            ? encode("AUTH", credentials.password())
            : encode("AUTH", credentials.username(), credentials.password()));
        read(in); // an error reply (WRONGPASS) throws
      }
      socket.getOutputStream().write(encode(command));
      socket.getOutputStream().flush();
      return read(in);
    }
  }

  /** "master" or "slave" (Redis's word), from the ROLE command. */
  public String role(String host, int port) throws IOException {
    Object reply = call(host, port, "ROLE");
    return reply instanceof List<?> list && !list.isEmpty() ? String.valueOf(list.get(0)) : "unknown";
  }

  /** The "host:port" one Sentinel names as master of {@code masterName}; empty if it watches none. */
  public Optional<String> masterAddress(String host, int sentinelPort, String masterName)
      throws IOException {
    Object reply = call(host, sentinelPort, "SENTINEL", "get-master-addr-by-name", masterName);
    return reply instanceof List<?> list && list.size() == 2
        ? Optional.of(list.get(0) + ":" + list.get(1)) : Optional.empty();
  }

  /** The master as the first of the Sentinels ("host:port" each) that answers names it. */
  public Optional<String> masterAddress(List<String> sentinels, String masterName) {
    for (String sentinel : sentinels) {
      int colon = sentinel.lastIndexOf(':');
      try {
        Optional<String> master = masterAddress(sentinel.substring(0, colon),
            Integer.parseInt(sentinel.substring(colon + 1)), masterName);
        if (master.isPresent()) {
          return master;
        }
      } catch (IOException | RuntimeException silent) {
        // this Sentinel is down or confused: ask the next one
      }
    }
    return Optional.empty();
  }

  /** A command as a RESP array of bulk strings. */
  static byte[] encode(String... command) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("*" + command.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
    for (String part : command) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      out.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(bytes);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }

  static Object read(InputStream in) throws IOException {
    int type = in.read();
    if (type == -1) {
      throw new IOException("connection closed before a reply");
    }
    String line = readLine(in);
    return switch (type) {
      case '+' -> line;
      case '-' -> throw new IOException("redis error: " + line);
      case ':' -> Long.parseLong(line);
      case '$' -> bulk(in, Integer.parseInt(line));
      case '*' -> array(in, Integer.parseInt(line));
      default -> throw new IOException("unexpected reply type " + (char) type);
    };
  }

  private static String bulk(InputStream in, int length) throws IOException {
    if (length < 0) {
      return null;
    }
    byte[] data = in.readNBytes(length + 2);
    return new String(data, 0, length, StandardCharsets.UTF_8);
  }

  private static List<Object> array(InputStream in, int size) throws IOException {
    if (size < 0) {
      return null;
    }
    List<Object> items = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      items.add(read(in));
    }
    return items;
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\r') {
        in.read();
        break;
      }
      buf.write(b);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}
