package br.prontuario.edge.common.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class UnreadableBodyTest {

  enum Sex {
    FEMALE, MALE;

    @JsonValue
    String json() {
      return name().toLowerCase();
    }
  }

  record Vital(String kind, double value) {}

  record Patient(String name, LocalDate birthDate, Sex sex, List<Vital> vitals) {}

  private final JsonMapper json = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private String describe(String body) {
    Throwable error = catchThrowable(() -> json.readValue(body, Patient.class));
    assertThat(error).as("the body should not deserialise").isNotNull();
    return UnreadableBody.describe(new IllegalStateException("wrapped", error));
  }

  @Test
  void namesTheEnumFieldAndItsAcceptedValuesButNotTheSubmittedValue() {
    String detail = describe("{\"name\":\"Maria\",\"sex\":\"F-secret\"}");

    assertThat(detail).isEqualTo("Field 'sex' has the wrong type or value (accepted: female, male).");
    assertThat(detail).doesNotContain("F-secret");
  }

  @Test
  void namesAnUnknownField() {
    assertThat(describe("{\"name\":\"Maria\",\"nickname\":\"Mari\"}"))
        .isEqualTo("Unknown field 'nickname'.");
  }

  @Test
  void namesANestedFieldWithItsIndex() {
    assertThat(describe("{\"vitals\":[{\"kind\":\"hr\",\"value\":\"fast\"}]}"))
        .isEqualTo("Field 'vitals[0].value' has the wrong type or value.");
  }

  @Test
  void saysWhereMalformedJsonBreaksWithoutEchoingIt() {
    String detail = describe("{\"name\": \"Maria\",\n \"birthDate\" 1980}");

    assertThat(detail).startsWith("The body is not well-formed JSON (line 2");
    assertThat(detail).doesNotContain("Maria");
  }

  @Test
  void fallsBackToTheGenericTextWhenTheCauseIsNotJackson() {
    assertThat(UnreadableBody.describe(new IllegalStateException("no body")))
        .isEqualTo(UnreadableBody.GENERIC);
  }
}
