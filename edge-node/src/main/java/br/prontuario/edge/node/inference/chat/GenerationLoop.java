package br.prontuario.edge.node.inference.chat;

import ai.onnxruntime.OrtException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Autoregressive decoding: the prompt in one step, then one token per step against the KV cache,
 * until a stop token, the token limit or cancellation. Text pieces stream to {@code onText} as
 * soon as they decode to whole characters.
 */
final class GenerationLoop {

  private final OnnxDecoder decoder;
  private final ChatTokenizer tokenizer;
  private final Set<Long> stopTokens;

  GenerationLoop(OnnxDecoder decoder, ChatTokenizer tokenizer, Set<Long> stopTokens) {
    this.decoder = decoder;
    this.tokenizer = tokenizer;
    this.stopTokens = Set.copyOf(stopTokens);
  }

  Generation generate(long[] prompt, int maxTokens, Sampling sampling, Consumer<String> onText,
      BooleanSupplier cancelled) throws OrtException {
    TokenSampler sampler = new TokenSampler(sampling);
    IncrementalDetokenizer text = new IncrementalDetokenizer(tokenizer);
    List<Long> generated = new ArrayList<>();
    try (KvCache cache = decoder.newCache()) {
      float[] logits = decoder.step(prompt, cache);
      while (true) {
        if (cancelled.getAsBoolean()) {
          return new Generation(generated, text.text(), Generation.StopReason.CANCELLED);
        }
        long token = sampler.next(logits);
        if (stopTokens.contains(token)) {
          return new Generation(generated, text.text(), Generation.StopReason.STOP_TOKEN);
        }
        generated.add(token);
        text.append(token).ifPresent(onText);
        if (generated.size() >= maxTokens) {
          return new Generation(generated, text.text(), Generation.StopReason.MAX_TOKENS);
        }
        logits = decoder.step(new long[] {token}, cache);
      }
    }
  }
}
