package br.prontuario.edge.node.inference.chat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;

/** Picks next tokens from logits following one {@link Sampling}; one instance per generation. */
final class TokenSampler {

  private final Sampling sampling;
  // SplittableRandom mixes the seed: java.util.Random gives near-equal first draws for seeds 0, 1, 2...
  private final SplittableRandom random;

  TokenSampler(Sampling sampling) {
    this.sampling = sampling;
    this.random = new SplittableRandom(sampling.seed());
  }

  int next(float[] logits) {
    return sampling.greedy() ? argmax(logits) : nucleus(logits);
  }

  static int argmax(float[] logits) {
    int best = 0;
    for (int i = 1; i < logits.length; i++) {
      if (logits[i] > logits[best]) {
        best = i;
      }
    }
    return best;
  }

  private int nucleus(float[] logits) {
    double[] probabilities = softmax(logits, sampling.temperature());
    Integer[] order = new Integer[logits.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble(i -> -probabilities[i]));
    int kept = 0;
    double mass = 0;
    while (kept < order.length && mass < sampling.topP()) {
      mass += probabilities[order[kept++]];
    }
    double draw = random.nextDouble() * mass;
    for (int k = 0; k < kept; k++) {
      draw -= probabilities[order[k]];
      if (draw <= 0) {
        return order[k];
      }
    }
    return order[kept - 1];
  }

  private static double[] softmax(float[] logits, double temperature) {
    double max = Double.NEGATIVE_INFINITY;
    for (float l : logits) {
      max = Math.max(max, l);
    }
    double[] p = new double[logits.length];
    double sum = 0;
    for (int i = 0; i < logits.length; i++) {
      p[i] = Math.exp((logits[i] - max) / temperature);
      sum += p[i];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= sum;
    }
    return p;
  }
}
