package br.prontuario.edge.site.haproxy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HAProxy's runtime API over TCP ({@code stats socket ipv4@...}), the one client of it: one
 * command per connection (non-interactive mode), the answer read to EOF.
 */
public final class HaproxyRuntimeApi {

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

  private final String host;
  private final int port;
  private final Duration timeout;

  public HaproxyRuntimeApi(String host, int port, Duration timeout) {
    this.host = host;
    this.port = port;
    this.timeout = timeout;
  }

  /** "host:port" as in cluster.json, with the default 3 s timeout. */
  public static HaproxyRuntimeApi of(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    return new HaproxyRuntimeApi(hostPort.substring(0, colon),
        Integer.parseInt(hostPort.substring(colon + 1)), DEFAULT_TIMEOUT);
  }

  public String address() {
    return host + ":" + port;
  }

  /** HAProxy's answer, trimmed; an empty answer is how it says "done" to a {@code set}. */
  public String execute(String command) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }
  }

  /**
   * Serves {@code pem} (certificate then key) wherever HAProxy loaded {@code file} as a {@code crt},
   * without a reload: {@code set ssl cert} opens a transaction with the new pair, {@code commit ssl
   * cert} swaps it in. Connections already open keep theirs; new handshakes get the new one. The
   * file on disk is the caller's to replace too, for the next start.
   *
   * @throws IllegalStateException when HAProxy does not confirm the swap
   */
  public void replaceCertificate(String file, String pem) throws IOException {
    // the payload ends at the first empty line, so it may hold none
    String payload = pem.strip().replaceAll("\\n\\s*\\n", "\n");
    String staged = execute("set ssl cert " + file + " <<\n" + payload + "\n");
    if (!staged.startsWith("Transaction")) {
      throw new IllegalStateException("HAProxy " + address() + " did not take the new certificate: " + staged);
    }
    String committed = execute("commit ssl cert " + file);
    if (!committed.contains("Success!")) {
      throw new IllegalStateException("HAProxy " + address() + " did not commit the new certificate: "
          + committed);
    }
  }

  /**
   * {@code set server BACKEND/SERVER state ready|drain|maint}.
   *
   * @throws IllegalStateException when HAProxy answers anything (e.g. "No such server.")
   */
  public void setState(String backend, String server, String state) throws IOException {
    String answer = execute("set server " + backend + "/" + server + " state " + state);
    if (!answer.isEmpty()) {
      throw new IllegalStateException("set " + server + " " + state + ": " + answer);
    }
  }

  /**
   * {@code set server BACKEND/SERVER addr HOST port PORT}; HAProxy reports what it changed.
   *
   * @throws IllegalStateException when HAProxy refuses
   */
  public void setAddress(String backend, String server, String addressHost, int addressPort)
      throws IOException {
    String answer = execute("set server " + backend + "/" + server + " addr " + addressHost
        + " port " + addressPort);
    if (!answer.isEmpty() && !answer.startsWith("IP changed")
        && !answer.startsWith("no need to change") && !answer.contains("port changed")) {
      throw new IllegalStateException("haproxy refused to set " + server + " addr: " + answer);
    }
  }

  /** Each server of the backend by name, from {@code show servers state}. */
  public Map<String, ServerState> serversState(String backend) throws IOException {
    return ServerState.parse(execute("show servers state " + backend), backend);
  }

  /** Each server of the backend and its status column from {@code show stat} (UP, DOWN, MAINT, ...). */
  public Map<String, String> serverStatuses(String backend) throws IOException {
    Map<String, String> states = new LinkedHashMap<>();
    String[] header = null;
    for (String line : execute("show stat").split("\n")) {
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
