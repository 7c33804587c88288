package br.prontuario.edge.node.inference.chat;

import ai.onnxruntime.OrtException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** A loaded medical chat model: tokenizer, ONNX decoder and the stop tokens resolved against its vocabulary. */
public final class ChatModel implements AutoCloseable {

  private final ChatTokenizer tokenizer;
  private final OnnxDecoder decoder;
  private final GenerationLoop loop;

  ChatModel(ChatTokenizer tokenizer, OnnxDecoder decoder, Iterable<String> stopTokens) {
    this.tokenizer = tokenizer;
    this.decoder = decoder;
    Set<Long> stopIds = new LinkedHashSet<>();
    for (String stop : stopTokens) {
      tokenizer.singleTokenId(stop).ifPresent(stopIds::add);
    }
    if (stopIds.isEmpty()) {
      throw new IllegalArgumentException("none of the stop tokens " + stopTokens + " is a single token of this tokenizer");
    }
    this.loop = new GenerationLoop(decoder, tokenizer, stopIds);
  }

  public Generation generate(String prompt, int maxTokens, Sampling sampling, Consumer<String> onText,
      BooleanSupplier cancelled) throws OrtException {
    return loop.generate(tokenizer.encodePrompt(prompt), maxTokens, sampling, onText, cancelled);
  }

  public int promptTokens(String prompt) {
    return tokenizer.encodePrompt(prompt).length;
  }

  @Override
  public void close() throws OrtException {
    decoder.close();
    tokenizer.close();
  }
}
