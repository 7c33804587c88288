package br.prontuario.edge.node.lab;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plain MLLP listener: one thread per connection (lab systems keep a few long connections
 * open), frames answered in order on the connection they came on.
 */
final class MllpServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MllpServer.class);
  /** Lab systems are few; more connections than this wait in the accept backlog. */
  private static final int MAX_CONNECTIONS = 16;

  private final ServerSocket socket;
  private final ExecutorService connections = Executors.newFixedThreadPool(MAX_CONNECTIONS + 1);
  private final UnaryOperator<String> handler;

  private MllpServer(ServerSocket socket, UnaryOperator<String> handler) {
    this.socket = socket;
    this.handler = handler;
  }

  static MllpServer start(String bindAddress, int port, UnaryOperator<String> handler)
      throws IOException {
    ServerSocket socket = new ServerSocket(port, 50, InetAddress.getByName(bindAddress));
    MllpServer server = new MllpServer(socket, handler);
    server.connections.submit(server::acceptLoop);
    return server;
  }

  int port() {
    return socket.getLocalPort();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        connections.submit(() -> serve(client));
      } catch (IOException e) {
        if (!socket.isClosed()) {
          log.warn("MLLP accept failed: {}", e.getMessage());
        }
      }
    }
  }

  private void serve(Socket client) {
    try (client; InputStream in = new BufferedInputStream(client.getInputStream());
        OutputStream out = new BufferedOutputStream(client.getOutputStream())) {
      String frame;
      while ((frame = Mllp.read(in)) != null) {
        Mllp.write(out, handler.apply(frame));
      }
    } catch (SocketException e) {
      // the peer went away or we are stopping
    } catch (IOException e) {
      log.warn("MLLP connection dropped: {}", e.getMessage());
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    connections.shutdownNow();
    try {
      connections.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
