package br.prontuario.edge.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.node.app.support.AppIT;
import br.prontuario.edge.testsupport.http.TestHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A correction made on a stale version: 412, both versions shown, redone, nothing overwritten. */
class NoteConflictIT extends AppIT {

  @Test
  void aStaleCorrectionShowsBothVersionsAndIsRedoneOnTheCurrentOne() {
    String name = uniqueName("Joaquina");
    String patientId = createPatient(name);
    String noteId = writeNote(patientId, "Dor abdominal há 2 dias.");
    login();
    openChart(name);
    browser.tap("a[data-note-id='" + noteId + "']");
    browser.waitForText("#note-current", "Dor abdominal");
    screen("20-nota");
    browser.tap("#note-correct");
    browser.type("#note-text", "Dor abdominal há 3 dias, em fossa ilíaca direita.");

    // a colleague corrects the same version first
    TestHttp.Reply colleague = api.put("/api/v1/patients/" + patientId + "/notes/" + noteId,
        token("enfermeira", Role.NURSE), "\"" + noteId + "\"",
        TestHttp.json(Map.of("type", "evolucao", "text", "Dor abdominal há 2 dias. Febre 38,2 °C.")));
    assertThat(colleague.status()).isEqualTo(200);
    browser.tap("#correction-save");

    browser.waitForText("h1", "Outra pessoa corrigiu esta nota");
    assertThat(browser.text("#conflict-versions"))
        .contains("Febre 38,2 °C").contains("em fossa ilíaca direita");
    screen("21-conflito");
    assertThat(current(patientId).get("text").asText()).isEqualTo("Dor abdominal há 2 dias. Febre 38,2 °C.");

    browser.tap("#conflict-redo");
    browser.waitForText("h1", "Corrigir nota");
    assertThat(browser.find("#note-text").getDomProperty("value")).contains("em fossa ilíaca direita");
    browser.type("#note-text", "Dor abdominal há 3 dias, em FID. Febre 38,2 °C.");
    browser.tap("#correction-save");
    browser.waitForText("#notes", "corrigida");

    JsonNode latest = current(patientId);
    assertThat(latest.get("text").asText()).isEqualTo("Dor abdominal há 3 dias, em FID. Febre 38,2 °C.");
    assertThat(latest.get("version").asInt()).isEqualTo(3);
    TestHttp.Reply history = api.get("/api/v1/patients/" + patientId + "/notes/" + latest.get("id").asText()
        + "/history", physician());
    assertThat(history.json()).hasSize(3);
    assertThat(browser.outboxSize()).isZero();
  }

  private JsonNode current(String patientId) {
    JsonNode notes = notesOf(patientId);
    assertThat(notes).hasSize(1);
    return notes.get(0);
  }
}
