package br.prontuario.edge.site.patroni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class Http10ExchangeTest {

  private final Http10Exchange http = new Http10Exchange(null, Duration.ofSeconds(2));

  @Test
  void readsAnHttp10BodyThatEndsWhenTheServerClosesAndSendsMethodBodyAndAuthorization() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      // what Patroni 3.0 does: HTTP/1.0, no Content-Length, close
      CompletableFuture<String> seen = answerOnce(server,
          "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n{\"state\": \"running\"}", null);

      Http10Exchange.Answer answer = http.exchange("PATCH", url(server, "/config"),
          "{\"standby_cluster\":null}", "Basic cGF0cm9uaTpwdw==", Duration.ofSeconds(5));

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo("{\"state\": \"running\"}");
      assertThat(seen.get()).startsWith("PATCH /config HTTP/1.0\r\n")
          .contains("Authorization: Basic cGF0cm9uaTpwdw==\r\n", "Content-Length: 24\r\n")
          .endsWith("\r\n\r\n{\"standby_cluster\":null}");
    }
  }

  @Test
  void aServerThatNeverClosesRunsIntoTheDeadlineInsteadOfHangingTheCaller() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      answerOnce(server, "HTTP/1.0 200 OK\r\n\r\n{\"partial\":", Duration.ofSeconds(5));

      assertThatThrownBy(() -> http.exchange("GET", url(server, "/patroni"), null, null,
          Duration.ofMillis(600))).isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void aContentLengthBoundsTheBodyAndSomethingElseThanHttpIsAnError() throws Exception {
    byte[] answer = "HTTP/1.1 401 Unauthorized\r\nContent-Length: 2\r\n\r\nnoextra".getBytes(StandardCharsets.UTF_8);
    assertThat(Http10Exchange.parse(answer)).isEqualTo(new Http10Exchange.Answer(401, "no"));
    assertThatThrownBy(() -> Http10Exchange.parse("SSH-2.0-OpenSSH\r\n".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class);
  }

  private static URI url(ServerSocket server, String path) {
    return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
  }

  /** Answers one connection with {@code answer}, then closes it (or holds it open for {@code hold}). */
  private static CompletableFuture<String> answerOnce(ServerSocket server, String answer, Duration hold) {
    return CompletableFuture.supplyAsync(() -> {
      try (Socket socket = server.accept()) {
        String request = readRequest(socket.getInputStream());
        socket.getOutputStream().write(answer.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        if (hold != null) {
          Thread.sleep(hold.toMillis());
        }
        return request;
      } catch (IOException | InterruptedException e) {
        return "failed: " + e;
      }
    });
  }

  private static String readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    int contentLength = 0;
    while (true) {
      read.write(in.read());
      String text = read.toString(StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      if (end >= 0) {
        int at = text.indexOf("Content-Length: ");
        if (at >= 0) {
          contentLength = Integer.parseInt(text.substring(at + 16, text.indexOf("\r\n", at)));
        }
        if (read.size() >= end + 4 + contentLength) {
          return text;
        }
      }
    }
  }
}
