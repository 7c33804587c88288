package br.prontuario.edge.node.inference.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenSamplerTest {

  // probabilities 0.5, 0.3, 0.2 at temperature 1
  final float[] logits = {(float) Math.log(0.5), (float) Math.log(0.3), (float) Math.log(0.2)};

  @Test
  void greedyTakesTheArgmax() {
    assertThat(new TokenSampler(Sampling.GREEDY).next(new float[] {0.1f, 3f, -2f})).isEqualTo(1);
  }

  @Test
  void theNucleusStopsOnceItsMassReachesTopP() {
    Map<Integer, Integer> counts = draws(new Sampling(1.0, 0.6, 9), 2000);

    assertThat(counts).containsOnlyKeys(0, 1);
    // within the nucleus the odds stay 5:3
    assertThat(counts.get(0) / (double) counts.get(1)).isBetween(1.4, 1.95);
  }

  @Test
  void topPOfOneKeepsEveryToken() {
    assertThat(draws(new Sampling(1.0, 1.0, 9), 2000)).containsOnlyKeys(0, 1, 2);
  }

  @Test
  void refusesMeaninglessSettings() {
    assertThatThrownBy(() -> new Sampling(1.0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Sampling(-1, 0.9, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  private Map<Integer, Integer> draws(Sampling sampling, int n) {
    TokenSampler sampler = new TokenSampler(sampling);
    Map<Integer, Integer> counts = new HashMap<>();
    for (int i = 0; i < n; i++) {
      counts.merge(sampler.next(logits), 1, Integer::sum);
    }
    return counts;
  }
}
