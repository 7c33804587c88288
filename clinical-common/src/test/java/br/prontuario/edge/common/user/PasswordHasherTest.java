package br.prontuario.edge.common.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher();

  @Test
  void hashesAreArgon2idPhcStringsWithAFreshSaltEachTime() {
    String first = hasher.hash("correct horse".toCharArray());
    String second = hasher.hash("correct horse".toCharArray());
    assertThat(first).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void theRightPasswordMatchesAndAWrongOneDoesNot() {
    String stored = hasher.hash("senha-forte-ção".toCharArray());
    assertThat(hasher.matches("senha-forte-ção".toCharArray(), stored)).isTrue();
    assertThat(hasher.matches("senha-forte-cao".toCharArray(), stored)).isFalse();
  }

  @Test
  void garbageStoredValuesNeverMatch() {
    assertThat(hasher.matches("x".toCharArray(), null)).isFalse();
    assertThat(hasher.matches("x".toCharArray(), "plain")).isFalse();
    assertThat(hasher.matches("x".toCharArray(), "$argon2id$v=19$m=x$a$b")).isFalse();
    assertThat(hasher.matches("x".toCharArray(), "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
  }

  @Test
  void hashesMadeWithOtherParametersStillVerify() {
    String cheap = new PasswordHasher(1024, 1, 1).hash("pw".toCharArray());
    assertThat(hasher.matches("pw".toCharArray(), cheap)).isTrue();
  }
}
