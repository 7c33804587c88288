package br.prontuario.edge.cloud.bulkhead;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ApiBulkheadConfiguration {

  /** No waiting room: a full bulkhead refuses immediately, so no queue can grow. */
  @Bean
  Bulkhead apiBulkhead(BulkheadProperties properties, MeterRegistry meters) {
    Bulkhead bulkhead = Bulkhead.of("emergency-api", BulkheadConfig.custom()
        .maxConcurrentCalls(properties.maxConcurrentRequests())
        .maxWaitDuration(Duration.ZERO)
        .build());
    Gauge.builder("cloud_api_requests_in_flight", bulkhead,
            b -> b.getBulkheadConfig().getMaxConcurrentCalls()
                - b.getMetrics().getAvailableConcurrentCalls())
        .description("emergency API requests being served").register(meters);
    return bulkhead;
  }
}
