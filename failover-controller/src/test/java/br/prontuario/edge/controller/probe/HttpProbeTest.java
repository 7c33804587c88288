package br.prontuario.edge.controller.probe;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.controller.decision.Signal;
import br.prontuario.edge.localcluster.process.FreePorts;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A loopback HTTP server that answers ready, unready, or not at all within the timeout. */
class HttpProbeTest {

  static HttpServer server;
  static final CountDownLatch release = new CountDownLatch(1);

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/ready", x -> { x.sendResponseHeaders(200, -1); x.close(); });
    server.createContext("/unready", x -> { x.sendResponseHeaders(503, -1); x.close(); });
    server.createContext("/hung", x -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      x.close();
    });
    server.start();
  }

  @AfterAll
  static void stop() {
    release.countDown();
    server.stop(0);
  }

  /** The seed's 2 s: generous for a loopback server even on a busy CI machine. */
  private final HttpProbe probe = new HttpProbe(Duration.ofSeconds(2));
  private final HttpProbe impatient = new HttpProbe(Duration.ofMillis(500));

  @Test
  void twoHundredIsUp() {
    assertThat(probe.get(url("/ready"))).isEqualTo(Signal.up());
  }

  @Test
  void fiveHundredThreeIsOneFailure() {
    assertThat(probe.get(url("/unready"))).isEqualTo(Signal.failed("HTTP 503"));
  }

  @Test
  void aProbeSlowerThanTheTimeoutIsOneFailure() {
    assertThat(impatient.get(url("/hung"))).isEqualTo(Signal.failed("timeout after 500 ms"));
  }

  @Test
  void aClosedPortIsOneFailure() {
    assertThat(probe.get("http://127.0.0.1:" + FreePorts.next() + "/health/ready").ok()).isFalse();
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }
}
