package br.prontuario.edge.node.patient;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.node.support.Api;
import br.prontuario.edge.node.support.EdgeNodeIT;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PatientApiIT extends EdgeNodeIT {

  @Test
  void createdPatientHasAnIdAndIsReadableWithAnETag() {
    String cpf = freshCpf();
    Api.Reply created = api.post("/api/v1/patients", token(Role.NURSE), Api.json(Map.of(
        "name", "Maria da Conceição", "birthDate", "1950-02-03", "sex", "female", "cpf", cpf)));
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(created.header("Location")).isEqualTo("/api/v1/patients/" + id);

    Api.Reply read = api.get("/api/v1/patients/" + id, token(Role.PHYSICIAN));
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.header("ETag")).isEqualTo("\"1\"");
    assertThat(read.json().get("cpf").asText()).isEqualTo(cpf);
    assertThat(read.json().get("name").asText()).isEqualTo("Maria da Conceição");
  }
}
