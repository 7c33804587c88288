package br.prontuario.edge.node.inference.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code edge.inference.*}: where the model manifest is and how much of the node each model may
 * take. Without a manifest every model is MISSING and only its feature is off.
 *
 * @param manifest the JSON manifest pinning each model's files (absent: no local AI)
 * @param limits per model name; models without an entry get {@link Limits#DEFAULT}
 * @param retryAfter what 429/503 answers tell clients to wait
 */
@Validated
@ConfigurationProperties("edge.inference")
public record InferenceProperties(
    Path manifest,
    Map<String, @Valid Limits> limits,
    @NotNull @DefaultValue("5s") Duration retryAfter) {

  public InferenceProperties {
    limits = limits == null ? Map.of() : Map.copyOf(limits);
  }

  public Limits limitsFor(String model) {
    return limits.getOrDefault(model, Limits.DEFAULT);
  }

  /**
   * @param maxConcurrent inferences running at once (threads of the model's bulkhead)
   * @param maxQueue requests waiting beyond those; more get 429
   * @param timeout how long a caller waits for its result before 503
   */
  public record Limits(
      @Min(1) @Max(64) @DefaultValue("1") int maxConcurrent,
      @Min(1) @Max(1024) @DefaultValue("4") int maxQueue,
      @NotNull @DefaultValue("60s") Duration timeout) {

    public static final Limits DEFAULT = new Limits(1, 4, Duration.ofSeconds(60));
  }
}
