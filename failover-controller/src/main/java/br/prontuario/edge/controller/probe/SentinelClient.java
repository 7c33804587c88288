package br.prontuario.edge.controller.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Asks Redis Sentinels which address is the master, speaking just enough RESP for one command;
 * the first Sentinel that answers wins.
 */
public final class SentinelClient {

  private final List<String> sentinels;
  private final String master;
  private final Duration timeout;

  public SentinelClient(List<String> sentinels, String master, Duration timeout) {
    this.sentinels = List.copyOf(sentinels);
    this.master = master;
    this.timeout = timeout;
  }

  /** host:port of the current master, empty when no Sentinel answers. */
  public Optional<String> masterAddress() {
    for (String sentinel : sentinels) {
      Optional<List<String>> reply = command(sentinel, "SENTINEL", "get-master-addr-by-name", master);
      if (reply.isPresent() && reply.get().size() == 2) {
        return Optional.of(reply.get().get(0) + ":" + reply.get().get(1));
      }
    }
    return Optional.empty();
  }

  /** Sends one command and reads an array (or nil) of bulk strings. */
  Optional<List<String>> command(String address, String... args) {
    int colon = address.lastIndexOf(':');
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address.substring(0, colon),
          Integer.parseInt(address.substring(colon + 1))), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      OutputStream out = socket.getOutputStream();
      StringBuilder request = new StringBuilder("*").append(args.length).append("\r\n");
      for (String arg : args) {
        request.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n")
            .append(arg).append("\r\n");
      }
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      return readArray(in);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<List<String>> readArray(BufferedReader in) throws IOException {
    String header = in.readLine();
    if (header == null || !header.startsWith("*") || header.equals("*-1")) {
      return Optional.empty();
    }
    int count = Integer.parseInt(header.substring(1));
    List<String> items = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String length = in.readLine();
      if (length == null || !length.startsWith("$")) {
        return Optional.empty();
      }
      items.add(in.readLine());
    }
    return Optional.of(items);
  }
}
