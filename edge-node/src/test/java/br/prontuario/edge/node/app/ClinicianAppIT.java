package br.prontuario.edge.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.node.app.support.AppIT;
import br.prontuario.edge.testsupport.http.TestHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Login, search, the chart, and a note that goes through the outbox: pendente, then salvo. */
class ClinicianAppIT extends AppIT {

  @Test
  void writesANoteThatShowsPendingThenSavedAndExistsExactlyOnce() {
    String name = uniqueName("Quitéria");
    String patientId = createPatient(name);
    api.post("/api/v1/patients/" + patientId + "/allergies", physician(), TestHttp.json(Map.of(
        "substance", "Dipirona", "severity", "severe", "reaction", "anafilaxia", "status", "active")));
    api.post("/api/v1/patients/" + patientId + "/vital-signs", physician(), TestHttp.json(Map.of(
        "type", "heart-rate", "value", 88, "measuredAt", "2026-01-10T08:00:00Z")));
    browser.open(appUrl());
    browser.waitForText("h1", "Entrar no prontuário");
    screen("01-login");

    login();
    browser.type("#search", name.substring(0, 12).toLowerCase().replace('é', 'e'));
    browser.tap("#search-submit");
    browser.waitForText("#results", name);
    screen("02-busca");
    browser.tap("#results a.result");
    browser.waitForText("#patient-name", name);
    assertThat(browser.text("#alerts")).contains("Alergia grave: Dipirona");
    assertThat(browser.text("#allergies")).contains("Dipirona");
    screen("03-prontuario");

    browser.tap("a[href$='/nota']");
    browser.type("#note-text", "Paciente estável, sem queixas. Mantida conduta.");
    screen("04-nova-nota");
    browser.blockUrls("*/api/v1/patients/" + patientId + "/notes");
    browser.tap("#note-save");
    browser.waitForText("#pending", "pendente");
    assertThat(browser.outboxSize()).isEqualTo(1);
    screen("05-nota-pendente", "#pending");

    browser.unblockUrls();
    browser.waitForText("#notes", "salvo");
    screen("06-nota-salva", "#notes .badge-saved");
    assertThat(browser.outboxSize()).isZero();
    assertThat(notesOf(patientId)).hasSize(1);
    assertThat(notesOf(patientId).get(0).get("text").asText())
        .isEqualTo("Paciente estável, sem queixas. Mantida conduta.");
  }

  @Test
  void logoutDeletesTheWritesStillPendingOnThePhone() {
    String patientId = chartOfANewPatient("Benedita");
    browser.blockUrls("*/api/v1/patients/" + patientId + "/notes");
    browser.tap("a[href$='/nota']");
    browser.type("#note-text", "Nota que não chegou ao servidor.");
    browser.tap("#note-save");
    browser.waitForText("#pending", "pendente");
    assertThat(browser.outboxSize()).isEqualTo(1);

    browser.tap("#who a");
    browser.waitForText("#logout-title", "Sair");
    assertThat(browser.text("main")).contains("1 registro(s) ainda não confirmado(s)");
    screen("10-ajustes");
    browser.tap("#logout");
    browser.tap("#logout-confirm");
    browser.waitForText("h1", "Entrar no prontuário");

    assertThat(browser.outboxSize()).isZero();
    browser.unblockUrls();
    assertThat(notesOf(patientId)).isEmpty();
  }
}
