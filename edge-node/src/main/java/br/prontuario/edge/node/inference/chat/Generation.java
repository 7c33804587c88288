package br.prontuario.edge.node.inference.chat;

import java.util.List;

/** What one generation produced and why it ended. */
public record Generation(List<Long> tokens, String text, StopReason stopReason) {

  public enum StopReason {
    /** The model emitted a configured stop token (not part of the text). */
    STOP_TOKEN,
    /** The max-token limit was reached. */
    MAX_TOKENS,
    /** The client went away or the request timed out. */
    CANCELLED
  }

  public Generation {
    tokens = List.copyOf(tokens);
  }
}
