package br.prontuario.edge.localcluster.redis;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of the Redis protocol for operations (ROLE, INFO, SENTINEL queries): one command,
 * one reply. Replies come back as String, Long, List or null; an error reply throws.
 */
public final class RespClient {

  private RespClient() {}

  public static Object call(String host, int port, String... command) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 1000);
      socket.setSoTimeout(2000);
      OutputStream out = socket.getOutputStream();
      StringBuilder request = new StringBuilder("*").append(command.length).append("\r\n");
      for (String part : command) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        request.append('$').append(bytes.length).append("\r\n").append(part).append("\r\n");
      }
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      return read(new BufferedInputStream(socket.getInputStream()));
    }
  }

  /** "master" or "slave" (Redis's word), from the ROLE command. */
  public static String role(String host, int port) throws IOException {
    Object reply = call(host, port, "ROLE");
    return reply instanceof List<?> list && !list.isEmpty() ? String.valueOf(list.get(0)) : "unknown";
  }

  /** The "host:port" a Sentinel currently names as master, or null. */
  public static String masterAddress(String host, int sentinelPort, String masterName) throws IOException {
    Object reply = call(host, sentinelPort, "SENTINEL", "get-master-addr-by-name", masterName);
    return reply instanceof List<?> list && list.size() == 2 ? list.get(0) + ":" + list.get(1) : null;
  }

  private static Object read(InputStream in) throws IOException {
    int type = in.read();
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
