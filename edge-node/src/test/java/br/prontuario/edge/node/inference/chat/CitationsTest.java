package br.prontuario.edge.node.inference.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CitationsTest {

  static final String A = "6f1c2b9e-0d7a-4c1e-9a53-1b2c3d4e5f60";
  static final String B = "0a0b0c0d-1111-2222-3333-444455556666";
  static final String INVENTED = "99999999-9999-4999-8999-999999999999";

  @Test
  void returnsCitedContextNotesInOrderOnce() {
    String answer = "Alergia a dipirona [nota " + B + "]. Febre [nota " + A + "] e tosse [nota " + B.toUpperCase() + "].";

    assertThat(Citations.in(answer, List.of(A, B))).containsExactly(B, A);
  }

  @Test
  void dropsIdsThatWereNotInTheContext() {
    String answer = "Ver [nota " + INVENTED + "] e [nota " + A + "], [nota 1234].";

    assertThat(Citations.in(answer, List.of(A, B))).containsExactly(A);
  }

  @Test
  void anAnswerWithoutCitationsCitesNothing() {
    assertThat(Citations.in("Sem dados no prontuário.", List.of(A))).isEmpty();
  }
}
