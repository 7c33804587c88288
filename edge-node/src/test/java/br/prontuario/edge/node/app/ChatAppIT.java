package br.prontuario.edge.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.node.app.support.AppIT;
import org.junit.jupiter.api.Test;

/** The chat streams the (generated test model's) answer and ends with the disclaimer. */
class ChatAppIT extends AppIT {

  @Test
  void streamsAnAnswerAboutThePatient() {
    String name = uniqueName("Francisca");
    String patientId = createPatient(name);
    writeNote(patientId, "Hipertensa, em uso de losartana 50 mg.");
    login();
    openChart(name);
    browser.tap("a[href$='/chat']");
    browser.type("#chat-question", "Quais medicações a paciente usa?");
    browser.tap("#chat-ask");

    browser.waitUntil(d -> !d.findElements(org.openqa.selenium.By.cssSelector("#chat-log .disclaimer")).isEmpty());
    assertThat(browser.text("#chat-log")).contains("Quais medicações a paciente usa?");
    screen("60-chat", "#chat-log .disclaimer");
  }
}
