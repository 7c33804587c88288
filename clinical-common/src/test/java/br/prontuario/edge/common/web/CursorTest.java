package br.prontuario.edge.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import br.prontuario.edge.common.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorTest {

  @Test
  void decodesWhatItEncodedEvenWhenTheKeyHoldsANewline() {
    Cursor cursor = new Cursor("Ana\nMaria", UUID.randomUUID());
    assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
  }

  @Test
  void noCursorMeansTheFirstPage() {
    assertThat(Cursor.decode(null)).isNull();
    assertThat(Cursor.decode("")).isNull();
  }

  @Test
  void aCursorThisApiDidNotMakeIsABadRequest() {
    String noId = Base64.getUrlEncoder().encodeToString(
        "not-a-cursor".getBytes(StandardCharsets.UTF_8));
    String badId = Base64.getUrlEncoder().encodeToString(
        "key\nnot-a-uuid".getBytes(StandardCharsets.UTF_8));
    for (String foreign : new String[] {"!!!", noId, badId}) {
      ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> Cursor.decode(foreign));
      assertThat(problem.getStatusCode().value()).as(foreign).isEqualTo(400);
    }
  }

  @Test
  void aTimeKeyReadsBackAsTheSameInstant() {
    OffsetDateTime at = OffsetDateTime.parse("2026-11-25T22:17:00.123456Z");
    Cursor cursor = Cursor.decode(new Cursor(at.toString(), UUID.randomUUID()).encode());
    assertThat(cursor.time()).isEqualTo(at);
  }

  @Test
  void aKeyThatIsNoTimeIsABadRequestNotADatabaseError() {
    Cursor cursor = new Cursor("Ana Maria", UUID.randomUUID());
    ApiProblem problem = catchThrowableOfType(ApiProblem.class, cursor::time);
    assertThat(problem.getStatusCode().value()).isEqualTo(400);
  }
}
