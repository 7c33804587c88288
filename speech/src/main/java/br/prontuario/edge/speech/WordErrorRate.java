package br.prontuario.edge.speech;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Word error rate: the fewest word substitutions, deletions and insertions that turn the reference
 * into the hypothesis (Levenshtein over words), divided by the reference's length. Both texts are
 * normalised first (lower case, punctuation dropped, spaces collapsed) so "Country." matches
 * "country". It can exceed 1 when the hypothesis inserts many words.
 */
public record WordErrorRate(int substitutions, int deletions, int insertions, int referenceWords) {

  public int errors() {
    return substitutions + deletions + insertions;
  }

  /** Errors per reference word; an empty reference scores 0 if the hypothesis is empty too, else infinity. */
  public double rate() {
    if (referenceWords == 0) {
      return errors() == 0 ? 0 : Double.POSITIVE_INFINITY;
    }
    return errors() / (double) referenceWords;
  }

  public static WordErrorRate of(String reference, String hypothesis) {
    return align(words(reference), words(hypothesis));
  }

  /** Lower case, letters and digits kept (accents too), everything else a word break. */
  public static List<String> words(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
        .replaceAll("(?<=\\p{L})['’](?=\\p{L})", "")
        .replaceAll("[^\\p{L}\\p{N}]+", " ")
        .strip();
    return plain.isEmpty() ? List.of() : List.of(plain.split(" "));
  }

  private static WordErrorRate align(List<String> ref, List<String> hyp) {
    // cost[i][j]: edits turning ref[0..i) into hyp[0..j); ties prefer substitution, then deletion
    int[][] cost = new int[ref.size() + 1][hyp.size() + 1];
    for (int i = 0; i <= ref.size(); i++) {
      cost[i][0] = i;
    }
    for (int j = 0; j <= hyp.size(); j++) {
      cost[0][j] = j;
    }
    for (int i = 1; i <= ref.size(); i++) {
      for (int j = 1; j <= hyp.size(); j++) {
        int diagonal = cost[i - 1][j - 1] + (ref.get(i - 1).equals(hyp.get(j - 1)) ? 0 : 1);
        cost[i][j] = Math.min(diagonal, Math.min(cost[i - 1][j], cost[i][j - 1]) + 1);
      }
    }
    int substitutions = 0;
    int deletions = 0;
    int insertions = 0;
    int i = ref.size();
    int j = hyp.size();
    while (i > 0 || j > 0) {
      if (i > 0 && j > 0 && cost[i][j] == cost[i - 1][j - 1] + (ref.get(i - 1).equals(hyp.get(j - 1)) ? 0 : 1)) {
        if (!ref.get(i - 1).equals(hyp.get(j - 1))) {
          substitutions++;
        }
        i--;
        j--;
      } else if (i > 0 && cost[i][j] == cost[i - 1][j] + 1) {
        deletions++;
        i--;
      } else {
        insertions++;
        j--;
      }
    }
    return new WordErrorRate(substitutions, deletions, insertions, ref.size());
  }
}
