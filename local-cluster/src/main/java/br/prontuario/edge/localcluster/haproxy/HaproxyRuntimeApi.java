package br.prontuario.edge.localcluster.haproxy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HAProxy's runtime API over TCP ({@code stats socket ipv4@...}): one command per connection.
 * Server states as HAProxy reports them: UP, DOWN, MAINT, "UP 1/2" while rising, ...
 */
public final class HaproxyRuntimeApi {

  private final String host;
  private final int port;

  public HaproxyRuntimeApi(String host, int port) {
    this.host = host;
    this.port = port;
  }

  public static HaproxyRuntimeApi of(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    return new HaproxyRuntimeApi(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
  }

  public String command(String command) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 1000);
      socket.setSoTimeout(3000);
      OutputStream out = socket.getOutputStream();
      out.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Each server of the backend and its status column from {@code show stat}. */
  public Map<String, String> serverStates(String backend) throws IOException {
    Map<String, String> states = new LinkedHashMap<>();
    String csv = command("show stat");
    String[] header = null;
    for (String line : csv.split("\n")) {
      if (line.startsWith("# ")) {
        header = line.substring(2).split(",");
        continue;
      }
      String[] cols = line.split(",", -1);
      if (header == null || cols.length < 2 || !cols[0].equals(backend)
          || cols[1].equals("BACKEND") || cols[1].equals("FRONTEND")) {
        continue;
      }
      states.put(cols[1], cols[indexOf(header, "status")]);
    }
    return states;
  }

  private static int indexOf(String[] header, String column) {
    for (int i = 0; i < header.length; i++) {
      if (header[i].equals(column)) {
        return i;
      }
    }
    throw new IllegalStateException("HAProxy's show stat has no " + column + " column");
  }
}
