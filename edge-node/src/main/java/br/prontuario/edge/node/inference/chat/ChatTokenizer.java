package br.prontuario.edge.node.inference.chat;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The model's own tokenizer, read from its {@code tokenizer.json} by the HuggingFace tokenizers library. */
final class ChatTokenizer implements AutoCloseable {

  private final HuggingFaceTokenizer tokenizer;

  ChatTokenizer(Path tokenizerJson) throws IOException {
    this.tokenizer = HuggingFaceTokenizer.builder()
        .optTokenizerPath(tokenizerJson)
        .optAddSpecialTokens(false)
        .optTruncation(false)
        .build();
  }

  /** A piece of text, no special tokens added (stop-token lookup, counting). */
  long[] encode(String text) {
    return tokenizer.encode(text, false, false).getIds();
  }

  /**
   * A whole prompt with the special tokens the model's {@code tokenizer.json} post-processor adds:
   * for Gemma 3 (MedGemma) the leading {@code <bos>} (id 2), without which answers degrade.
   */
  long[] encodePrompt(String prompt) {
    return tokenizer.encode(prompt, true, false).getIds();
  }

  String decode(List<Long> tokens) {
    return tokenizer.decode(tokens.stream().mapToLong(Long::longValue).toArray(), true);
  }

  /** The id of a token written as one piece ({@code "<eos>"}), if the vocabulary has it. */
  Optional<Long> singleTokenId(String piece) {
    long[] ids = encode(piece);
    return ids.length == 1 ? Optional.of(ids[0]) : Optional.empty();
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
