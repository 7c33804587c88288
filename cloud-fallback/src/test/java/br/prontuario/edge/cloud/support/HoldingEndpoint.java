package br.prontuario.edge.cloud.support;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An API endpoint that holds each request until the test releases the latch, so a test can fill
 * the bulkhead with requests in flight without any timing.
 */
@TestConfiguration(proxyBeanMethods = false)
public class HoldingEndpoint {

  public static final String PATH = "/api/v1/test/hold";
  private static volatile CountDownLatch release = new CountDownLatch(0);

  public static void closeGate() {
    release = new CountDownLatch(1);
  }

  public static void openGate() {
    release.countDown();
  }

  @Bean
  @Order(0)
  SecurityFilterChain holdingChain(HttpSecurity http) throws Exception {
    return http.securityMatcher(PATH).authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .csrf(c -> c.disable()).build();
  }

  /** Picked up by component scanning (it sits in the application's package). */
  @RestController
  static class Holder {
    @GetMapping(PATH)
    String hold() throws InterruptedException {
      if (!release.await(2, TimeUnit.MINUTES)) {
        throw new IllegalStateException("the test never opened the gate");
      }
      return "released";
    }
  }
}
