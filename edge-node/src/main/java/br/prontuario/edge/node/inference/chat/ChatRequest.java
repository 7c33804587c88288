package br.prontuario.edge.node.inference.chat;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A question, optionally about one patient. Sampling defaults to greedy; a temperature above 0
 * turns on top-p sampling with {@code seed} so an answer can be reproduced.
 */
record ChatRequest(
    @NotBlank @Size(max = 4000) String question,
    UUID patientId,
    @Min(1) @Max(4096) Integer maxTokens,
    @DecimalMin("0.0") @DecimalMax("2.0") Double temperature,
    @DecimalMin("0.01") @DecimalMax("1.0") Double topP,
    Long seed) {

  Sampling sampling() {
    return new Sampling(temperature == null ? 0 : temperature, topP == null ? 1 : topP, seed == null ? 0 : seed);
  }
}
