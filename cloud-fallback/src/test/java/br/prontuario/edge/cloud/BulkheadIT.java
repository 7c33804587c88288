package br.prontuario.edge.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.prontuario.edge.cloud.support.CloudFallbackTest;
import br.prontuario.edge.cloud.support.HoldingEndpoint;
import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.testsupport.http.TestHttp;
import io.github.resilience4j.bulkhead.Bulkhead;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class BulkheadIT extends CloudFallbackTest {

  @Autowired Bulkhead bulkhead;

  @Test
  void refusesThe51stConcurrentRequestWith503AndRetryAfterAndServesTheHeldOnes() {
    HoldingEndpoint.closeGate();
    ExecutorService pool = Executors.newFixedThreadPool(50);
    List<CompletableFuture<TestHttp.Reply>> held = new ArrayList<>();
    try {
      for (int i = 0; i < 50; i++) {
        held.add(CompletableFuture.supplyAsync(() -> new TestHttp(port).get(HoldingEndpoint.PATH, null),
            pool));
      }
      await().atMost(Duration.ofSeconds(60))
          .until(() -> bulkhead.getMetrics().getAvailableConcurrentCalls() == 0);

      TestHttp.Reply refused = http.get("/api/v1/mode", token(Role.NURSE));
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.header("Retry-After")).isEqualTo("5");
      assertThat(refused.isProblem()).isTrue();
      assertThat(refused.header("X-Service-Mode")).isEqualTo("emergency");
      assertThat(http.get("/health/live", null).status()).isEqualTo(200);
    } finally {
      HoldingEndpoint.openGate();
    }
    assertThat(held.stream().map(CompletableFuture::join).map(TestHttp.Reply::status))
        .containsOnly(200).hasSize(50);
    await().atMost(Duration.ofSeconds(10))
        .until(() -> bulkhead.getMetrics().getAvailableConcurrentCalls() == 50);
    assertThat(http.get("/api/v1/mode", token(Role.NURSE)).status()).isEqualTo(200);
    pool.shutdown();
  }
}
