package br.prontuario.edge.node.inference.model;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.ThreadPoolBulkhead;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.DisposableBean;

/**
 * Runs inference on a bounded thread pool with a bounded queue per model (resilience4j
 * thread-pool bulkhead), so a burst of dictations can never take the threads the records API
 * needs. Beyond the queue: 429; beyond the timeout: 503; both with Retry-After.
 */
public final class InferenceGate implements DisposableBean {

  private final InferenceProperties properties;
  private final MeterRegistry meters;
  private final Map<String, ThreadPoolBulkhead> bulkheads = new ConcurrentHashMap<>();
  private final Map<String, Timer> latencies = new ConcurrentHashMap<>();

  public InferenceGate(InferenceProperties properties, MeterRegistry meters) {
    this.properties = properties;
    this.meters = meters;
  }

  /** Runs {@code work} under {@code model}'s limits and waits for it, at most the model's timeout. */
  public <T> T call(String model, Callable<T> work) {
    CompletableFuture<T> future = submit(model, work);
    Duration timeout = properties.limitsFor(model).timeout();
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw rejected(model, InferenceRejectedException.Reason.TIMED_OUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw rejected(model, InferenceRejectedException.Reason.TIMED_OUT);
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    }
  }

  /** Starts {@code work} under {@code model}'s limits without waiting (streaming answers). */
  public <T> CompletableFuture<T> submit(String model, Callable<T> work) {
    ThreadPoolBulkhead bulkhead = bulkhead(model);
    Timer latency = latencies.get(model);
    try {
      return bulkhead.submit(() -> latency.recordCallable(work)).toCompletableFuture();
    } catch (BulkheadFullException e) {
      throw rejected(model, InferenceRejectedException.Reason.QUEUE_FULL);
    }
  }

  public Duration timeoutOf(String model) {
    return properties.limitsFor(model).timeout();
  }

  private ThreadPoolBulkhead bulkhead(String model) {
    return bulkheads.computeIfAbsent(model, this::newBulkhead);
  }

  private ThreadPoolBulkhead newBulkhead(String model) {
    InferenceProperties.Limits limits = properties.limitsFor(model);
    ThreadPoolBulkhead bulkhead = ThreadPoolBulkhead.of("inference-" + model, ThreadPoolBulkheadConfig.custom()
        .coreThreadPoolSize(limits.maxConcurrent())
        .maxThreadPoolSize(limits.maxConcurrent())
        .queueCapacity(limits.maxQueue())
        .writableStackTraceEnabled(false)
        .build());
    latencies.put(model, Timer.builder("edge.inference.latency").tag("model", model)
        .description("Time a model spent on one inference").publishPercentileHistogram().register(meters));
    Gauge.builder("edge.inference.queue.depth", bulkhead, b -> b.getMetrics().getQueueDepth())
        .tag("model", model).description("Inference requests waiting for a model thread").register(meters);
    Gauge.builder("edge.inference.active", bulkhead, b -> b.getMetrics().getActiveThreadCount())
        .tag("model", model).description("Inferences running now").register(meters);
    return bulkhead;
  }

  private InferenceRejectedException rejected(String model, InferenceRejectedException.Reason reason) {
    return new InferenceRejectedException(model, reason, properties.retryAfter());
  }

  private static RuntimeException unwrap(Throwable cause) {
    if (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    return new IllegalStateException("inference failed", cause);
  }

  @Override
  public void destroy() throws Exception {
    for (ThreadPoolBulkhead bulkhead : bulkheads.values()) {
      bulkhead.close();
    }
  }
}
