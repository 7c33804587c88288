package br.prontuario.edge.node.patient;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BrazilianIdsTest {

  @ParameterizedTest
  @ValueSource(strings = {"52998224725", "11144477735", "39053344705"})
  void publishedExampleCpfsAreValid(String cpf) {
    assertThat(Cpf.isValid(cpf)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"52998224724", "11111111111", "5299822472", "529.982.247-25", "abcdefghijk"})
  void cpfsWithWrongDigitsRepeatedDigitsOrFormattingAreInvalid(String cpf) {
    assertThat(Cpf.isValid(cpf)).isFalse();
  }

  @Test
  void generatedCpfsAreValidAndMaskedToTheMiddleDigits() {
    String cpf = Cpf.fromBase("123456789");
    assertThat(cpf).isEqualTo("12345678909");
    assertThat(Cpf.isValid(cpf)).isTrue();
    assertThat(Cpf.mask(cpf)).isEqualTo("***.456.789-**");
  }

  @ParameterizedTest
  @ValueSource(strings = {"898001160640019", "700000000000005", "100000000000007"})
  void cnsNumbersWhoseWeightedSumIsAMultipleOfElevenAreValid(String cns) {
    assertThat(Cns.isValid(cns)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"898001160640018", "300000000000000", "70000000000000", "7000000000000a5"})
  void otherCnsNumbersAreInvalid(String cns) {
    assertThat(Cns.isValid(cns)).isFalse();
  }

  @Test
  void provisionalCnsNumbersAreGeneratedValid() {
    for (long seed = 0; seed < 200; seed++) {
      assertThat(Cns.isValid(Cns.provisional(seed))).isTrue();
    }
  }
}
