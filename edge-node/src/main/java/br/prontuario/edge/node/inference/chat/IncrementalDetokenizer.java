package br.prontuario.edge.node.inference.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a growing token list into text pieces for streaming. Decoding the whole list each time
 * keeps word-piece joins and spacing right; a trailing U+FFFD means a multi-byte character is
 * still incomplete, so that piece waits for the next token.
 */
final class IncrementalDetokenizer {

  private final ChatTokenizer tokenizer;
  private final List<Long> tokens = new ArrayList<>();
  private String emitted = "";

  IncrementalDetokenizer(ChatTokenizer tokenizer) {
    this.tokenizer = tokenizer;
  }

  Optional<String> append(long token) {
    tokens.add(token);
    String decoded = tokenizer.decode(tokens);
    if (decoded.endsWith("\uFFFD") || decoded.length() <= emitted.length() || !decoded.startsWith(emitted)) {
      return Optional.empty();
    }
    String piece = decoded.substring(emitted.length());
    emitted = decoded;
    return Optional.of(piece);
  }

  String text() {
    return tokenizer.decode(tokens);
  }
}
