package br.prontuario.edge.node.inference.chat;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code edge.inference.chat.*}: how the medical chat model is prompted and bounded.
 *
 * @param maxTokens hard cap on generated tokens; a request may ask for fewer, never more
 * @param stopTokens tokens that end an answer (each must be one token of the vocabulary)
 * @param promptTemplate the model's chat format with {@code {context}} and {@code {question}}
 * @param threads ONNX Runtime intra-op threads per generation
 * @param recentNotes how many of the patient's latest notes go into the context
 * @param disclaimer shown with every answer
 */
@Validated
@ConfigurationProperties("edge.inference.chat")
public record ChatProperties(
    @Min(1) @Max(4096) @DefaultValue("512") int maxTokens,
    @NotEmpty @DefaultValue({"<eos>", "<end_of_turn>"}) List<String> stopTokens,
    @NotBlank @DefaultValue(DEFAULT_TEMPLATE) String promptTemplate,
    @Min(1) @Max(64) @DefaultValue("4") int threads,
    @Min(0) @Max(50) @DefaultValue("5") int recentNotes,
    @NotBlank @DefaultValue(DEFAULT_DISCLAIMER) String disclaimer) {

  static final String DEFAULT_TEMPLATE =
      "<start_of_turn>user\nVocê apoia a decisão clínica. Use apenas o prontuário abaixo.\n{context}\n\n{question}<end_of_turn>\n<start_of_turn>model\n";
  static final String DEFAULT_DISCLAIMER =
      "Apoio à decisão clínica gerado por IA local: pode conter erros e não substitui o julgamento do profissional de saúde. Confira no prontuário.";
}
