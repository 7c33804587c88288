package br.prontuario.edge.node.inference.chat;

/**
 * How to pick each next token. Temperature 0 is greedy (argmax); otherwise nucleus sampling keeps
 * the smallest set of tokens whose probability reaches {@code topP}, with a seeded random source so
 * an answer can be reproduced.
 */
public record Sampling(double temperature, double topP, long seed) {

  public static final Sampling GREEDY = new Sampling(0, 1, 0);

  public Sampling {
    if (temperature < 0 || temperature > 5) {
      throw new IllegalArgumentException("temperature must be within [0, 5]");
    }
    if (topP <= 0 || topP > 1) {
      throw new IllegalArgumentException("topP must be within (0, 1]");
    }
  }

  public boolean greedy() {
    return temperature == 0;
  }
}
