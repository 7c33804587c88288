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

  long[] encode(String text) {
    return tokenizer.encode(text, false, false).getIds();
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
