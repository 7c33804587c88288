package br.prontuario.edge.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Pairs whose alignment was worked out by hand. */
class WordErrorRateTest {

  private static final String JFK =
      "And so my fellow Americans, ask not what your country can do for you, ask what you can do for your country.";

  @Test
  void sameWordsDifferentCaseAndPunctuationScoreZero() {
    WordErrorRate wer = WordErrorRate.of(JFK, "and so my fellow americans ask not what your country can do for you "
        + "ask what you can do for your country");
    assertThat(wer).isEqualTo(new WordErrorRate(0, 0, 0, 22));
    assertThat(wer.rate()).isZero();
  }

  @Test
  void countsEachKindOfError() {
    // "now" added in front (I), sat→sit (S), "the" dropped (D); word by word it would be 4 substitutions,
    // and no other alignment costs 3
    WordErrorRate wer = WordErrorRate.of("the cat sat on the mat", "now the cat sit on mat");
    assertThat(wer).isEqualTo(new WordErrorRate(1, 1, 1, 6));
    assertThat(wer.rate()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void oneSubstitutionInTheJfkSentence() {
    WordErrorRate wer = WordErrorRate.of(JFK, JFK.replace("fellow", "yellow"));
    assertThat(wer).isEqualTo(new WordErrorRate(1, 0, 0, 22));
    assertThat(wer.rate()).isCloseTo(1 / 22.0, within(1e-12));
  }

  @Test
  void insertionsCanTakeTheRateAboveOne() {
    WordErrorRate wer = WordErrorRate.of("ask not", "uh ask uh not uh");
    assertThat(wer).isEqualTo(new WordErrorRate(0, 0, 3, 2));
    assertThat(wer.rate()).isCloseTo(1.5, within(1e-12));
  }

  @Test
  void emptyHypothesisDeletesEveryWord() {
    assertThat(WordErrorRate.of("he was not an ill disposed young man", "  ")).isEqualTo(new WordErrorRate(0, 8, 0, 8));
  }

  @Test
  void portugueseAccentsStayPartOfTheWord() {
    WordErrorRate wer = WordErrorRate.of("Paciente refere dispneia, há três dias.", "paciente refere dispnéia a tres dias");
    // dispneia→dispnéia, há→a, três→tres: three substitutions of six words
    assertThat(wer).isEqualTo(new WordErrorRate(3, 0, 0, 6));
    assertThat(WordErrorRate.words("Don't STOP—now")).containsExactly("dont", "stop", "now");
  }

  @Test
  void emptyReference() {
    assertThat(WordErrorRate.of("", "").rate()).isZero();
    assertThat(WordErrorRate.of("", "noise").rate()).isInfinite();
  }
}
