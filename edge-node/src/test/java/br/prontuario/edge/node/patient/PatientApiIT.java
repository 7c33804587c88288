package br.prontuario.edge.node.patient;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.node.support.EdgeNodeIT;
import br.prontuario.edge.testsupport.http.TestHttp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PatientApiIT extends EdgeNodeIT {

  private Map<String, Object> patient(String name, String cpf) {
    return Map.of("name", name, "birthDate", "1950-02-03", "sex", "female", "cpf", cpf);
  }

  @Test
  void createdPatientHasAnIdAndIsReadableWithAnETag() {
    String cpf = freshCpf();
    TestHttp.Reply created = api.post("/api/v1/patients", token(Role.NURSE),
        TestHttp.json(patient("Maria da Conceição", cpf)));
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(created.header("Location")).isEqualTo("/api/v1/patients/" + id);

    TestHttp.Reply read = api.get("/api/v1/patients/" + id, token(Role.PHYSICIAN));
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.header("ETag")).isEqualTo("\"1\"");
    assertThat(read.json().get("cpf").asText()).isEqualTo(cpf);
    assertThat(read.json().get("name").asText()).isEqualTo("Maria da Conceição");
  }

  @Test
  void aCpfOrCnsAlreadyRegisteredIsAConflict() {
    String cpf = freshCpf();
    assertThat(api.post("/api/v1/patients", token(Role.ADMIN),
        TestHttp.json(patient("Primeira Pessoa", cpf))).status()).isEqualTo(201);
    TestHttp.Reply again = api.post("/api/v1/patients", token(Role.ADMIN),
        TestHttp.json(patient("Segunda Pessoa", cpf)));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.isProblem()).isTrue();
  }

  @Test
  void nameSearchIgnoresAccentsAndCaseAndPagesWithACursor() {
    String prefix = "Zuleica" + Long.toString(System.nanoTime() % 1_000_000, 26)
        .chars().mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'a' + c - '0' : c + 10)))
        .reduce("", String::concat);
    for (int i = 0; i < 5; i++) {
      api.post("/api/v1/patients", token(Role.ADMIN),
          TestHttp.json(patient(prefix + " Pereira " + (char) ('A' + i), freshCpf())));
    }
    String query = "/api/v1/patients?limit=2&name=" + prefix.toLowerCase();
    Set<String> seen = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page = api.get(query + (cursor == null ? "" : "&cursor=" + cursor),
          token(Role.PHYSICIAN)).json();
      page.get("items").forEach(p -> seen.add(p.get("id").asText()));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
      pages++;
    } while (cursor != null);
    assertThat(seen).hasSize(5);
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void listsMaskTheCpfExceptForRegistrationStaff() {
    String cpf = freshCpf();
    api.post("/api/v1/patients", token(Role.ADMIN), TestHttp.json(patient("Mascarada Silva", cpf)));
    JsonNode forPhysician = api.get("/api/v1/patients?cpf=" + cpf, token(Role.PHYSICIAN))
        .json().get("items").get(0);
    JsonNode forAdmin = api.get("/api/v1/patients?cpf=" + cpf, token(Role.ADMIN))
        .json().get("items").get(0);
    assertThat(forPhysician.get("cpf").asText())
        .isEqualTo("***." + cpf.substring(3, 6) + "." + cpf.substring(6, 9) + "-**");
    assertThat(forAdmin.get("cpf").asText()).isEqualTo(cpf);
  }

  @Test
  void searchByCnsFindsThePatient() {
    String cns = Cns.provisional(System.nanoTime());
    api.post("/api/v1/patients", token(Role.ADMIN), TestHttp.json(Map.of("name", "Cartão Sus",
        "birthDate", "2001-01-01", "sex", "male", "cns", cns)));
    assertThat(api.get("/api/v1/patients?cns=" + cns, token(Role.NURSE)).json().get("items"))
        .hasSize(1);
  }

  @Test
  void updatesNeedIfMatchAndKeepEveryVersion() {
    String id = createPatient("Versao Um");
    String nurse = token(Role.NURSE);
    Map<String, Object> fixed = patient("Versao Dois", freshCpf());
    assertThat(api.put("/api/v1/patients/" + id, nurse, null, TestHttp.json(fixed)).status())
        .isEqualTo(428);
    assertThat(api.put("/api/v1/patients/" + id, nurse, "\"7\"", TestHttp.json(fixed)).status())
        .isEqualTo(412);
    TestHttp.Reply updated = api.put("/api/v1/patients/" + id, nurse, "\"1\"", TestHttp.json(fixed));
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.header("ETag")).isEqualTo("\"2\"");

    JsonNode history = api.get("/api/v1/patients/" + id + "/history", nurse).json();
    assertThat(history).hasSize(2);
    assertThat(history.get(0).get("name").asText()).isEqualTo("Versao Um");
    assertThat(history.get(1).get("name").asText()).isEqualTo("Versao Dois");
  }

  @Test
  void twoConcurrentUpdatesWithTheSameETagLetExactlyOneWin() throws Exception {
    String id = createPatient("Corrida Original");
    String admin = token(Role.ADMIN);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Integer>> racers = List.of(
          () -> api.put("/api/v1/patients/" + id, admin, "\"1\"",
              TestHttp.json(patient("Corrida A", freshCpf()))).status(),
          () -> api.put("/api/v1/patients/" + id, admin, "\"1\"",
              TestHttp.json(patient("Corrida B", freshCpf()))).status());
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(racers)) {
        statuses.add(f.get());
      }
      assertThat(statuses).containsExactlyInAnyOrder(200, 412);
      assertThat(jdbc.queryForObject("SELECT count(*) FROM patient_versions"
          + " WHERE patient_id = ?::uuid", Integer.class, id)).isEqualTo(2);
    } finally {
      pool.shutdown();
    }
  }
}
