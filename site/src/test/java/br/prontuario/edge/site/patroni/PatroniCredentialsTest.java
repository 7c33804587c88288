package br.prontuario.edge.site.patroni;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PatroniCredentialsTest {

  @Test
  void thePreviousPasswordIsOfferedOnlyWhileARotationReplacesIt() {
    var rotating = new PatroniCredentials("patroni-ops", "new-pw", "old-pw");

    assertThat(rotating.previous()).contains(new PatroniCredentials("patroni-ops", "old-pw"));
    assertThat(new PatroniCredentials("patroni-ops", "new-pw").previous()).isEmpty();
    assertThat(new PatroniCredentials("patroni-ops", "same", "same").previous()).isEmpty();
    assertThat(new PatroniCredentials("patroni-ops", "new-pw", null).previous()).isEmpty();
    assertThat(rotating.toString()).doesNotContain("new-pw").doesNotContain("old-pw");
  }
}
