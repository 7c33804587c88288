package br.prontuario.edge.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.node.app.support.AppIT;
import org.junit.jupiter.api.Test;

/**
 * Dictation with a WAV file as Chromium's fake microphone: the browser encodes 16 kHz WAV, the
 * server's (generated, random-weight) Whisper answers a draft, and only the confirm saves a note.
 */
class DictationAppIT extends AppIT {

  @Test
  void aDictatedDraftBecomesANoteOnlyWhenTheClinicianConfirms() {
    String patientId = chartOfANewPatient("Raimunda");
    browser.tap("a[href$='/ditado']");
    browser.tap("#dictation-toggle");
    browser.waitForText("#dictation-status", "Gravando… 2 s");
    screen("40-ditado-gravando");
    browser.tap("#dictation-toggle");

    browser.waitForText("#draft", "Rascunho (não salvo)");
    assertThat(browser.text("#dictation-status")).contains("Rascunho pronto");
    screen("41-ditado-rascunho");
    assertThat(notesOf(patientId)).isEmpty();

    browser.find("#draft-text").sendKeys(" Revisado pela médica.");
    browser.tap("#draft-save");
    browser.waitForText("#notes", "salvo");
    assertThat(notesOf(patientId)).hasSize(1);
    assertThat(notesOf(patientId).get(0).get("text").asText()).endsWith("Revisado pela médica.");
  }
}
