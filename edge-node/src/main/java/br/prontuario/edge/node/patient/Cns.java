package br.prontuario.edge.node.patient;

/**
 * Cartão Nacional de Saúde: 15 digits starting with 1, 2, 7, 8 or 9, whose digits weighted 15..1
 * sum to a multiple of 11.
 */
public final class Cns {

  private Cns() {}

  public static boolean isValid(String cns) {
    if (cns == null || !cns.matches("[12789]\\d{14}")) {
      return false;
    }
    return weightedSum(cns, 15) % 11 == 0;
  }

  private static int weightedSum(String digits, int count) {
    int sum = 0;
    for (int i = 0; i < count; i++) {
      sum += (digits.charAt(i) - '0') * (15 - i);
    }
    return sum;
  }

  /**
   * A valid provisional CNS (starting with 7) from a number: the last two digits are adjusted so
   * the weighted sum closes on a multiple of 11 (synthetic data and tests).
   */
  public static String provisional(long seed) {
    String base = String.format("7%012d", Math.floorMod(seed, 1_000_000_000_000L));
    for (int tail = 0; tail < 100; tail++) {
      String candidate = base + String.format("%02d", tail);
      if (isValid(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no check digits close the sum for " + base);
  }
}
