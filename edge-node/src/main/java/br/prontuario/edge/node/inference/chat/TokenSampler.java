package br.prontuario.edge.node.inference.chat;

import java.util.Arrays;
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
    long[] ranked = ranked(probabilities);
    int kept = 0;
    double mass = 0;
    while (kept < ranked.length && mass < sampling.topP()) {
      mass += probabilities[(int) ranked[kept++]];
    }
    double draw = random.nextDouble() * mass;
    for (int k = 0; k < kept; k++) {
      draw -= probabilities[(int) ranked[k]];
      if (draw <= 0) {
        return (int) ranked[k];
      }
    }
    return (int) ranked[kept - 1];
  }

  /**
   * Token ids by falling probability. Vocabularies reach 262k tokens (Gemma 3), so this sorts
   * primitive keys (probability bits above the id) and skips tokens below 1e-9, whose total mass
   * is negligible, instead of sorting boxed ids with a comparator for every token.
   */
  private static long[] ranked(double[] probabilities) {
    long[] keys = new long[probabilities.length];
    int n = 0;
    for (int id = 0; id < probabilities.length; id++) {
      if (probabilities[id] >= 1e-9) {
        // positive floats sort like their raw bits; invert them to sort descending
        keys[n++] = ((long) (Integer.MAX_VALUE - Float.floatToRawIntBits((float) probabilities[id])) << 32) | id;
      }
    }
    long[] sorted = Arrays.copyOf(keys, n);
    Arrays.sort(sorted);
    for (int i = 0; i < n; i++) {
      sorted[i] &= 0xFFFFFFFFL;
    }
    return sorted;
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
