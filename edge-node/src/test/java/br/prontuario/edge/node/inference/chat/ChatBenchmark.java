package br.prontuario.edge.node.inference.chat;

import java.nio.file.Path;
import java.util.List;

/** Chat throughput on a given decoder: tokens per second of the generation loop (not a test). */
public final class ChatBenchmark {

  public record Result(int promptTokens, int generated, double firstTokenMs, double tokensPerSecond) {}

  private ChatBenchmark() {}

  /**
   * Generates {@code tokens} tokens greedily after {@code prompt}, {@code runs} times after one
   * warm-up; the stop tokens are only the given ones so the run is not cut short.
   */
  public static Result run(Path model, Path tokenizer, String prompt, List<String> stopTokens, int tokens,
      int threads, int runs) throws Exception {
    ChatProperties properties = new ChatProperties(tokens, stopTokens, "{question}", threads, 0, "-");
    try (ChatModel chat = TestChatModels.load(properties, model, tokenizer)) {
      chat.generate(prompt, tokens, Sampling.GREEDY, p -> {}, () -> false);
      long[] first = new long[1];
      long totalNanos = 0;
      int generated = 0;
      double firstTotal = 0;
      for (int run = 0; run < runs; run++) {
        long start = System.nanoTime();
        first[0] = 0;
        Generation generation = chat.generate(prompt, tokens, Sampling.GREEDY, piece -> {
          if (first[0] == 0) {
            first[0] = System.nanoTime();
          }
        }, () -> false);
        long end = System.nanoTime();
        firstTotal += (first[0] == 0 ? end : first[0]) - start;
        totalNanos += end - start;
        generated += generation.tokens().size();
      }
      return new Result(chat.promptTokens(prompt), generated / runs, firstTotal / runs / 1e6, generated / (totalNanos / 1e9));
    }
  }
}
