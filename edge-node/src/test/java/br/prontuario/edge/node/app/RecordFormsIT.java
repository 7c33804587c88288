package br.prontuario.edge.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.node.app.support.AppIT;
import org.junit.jupiter.api.Test;

/** Vital signs and allergies recorded from the phone, through the outbox. */
class RecordFormsIT extends AppIT {

  @Test
  void recordsAVitalSignAndASevereAllergyThatRaisesAnAlert() {
    String patientId = chartOfANewPatient("Sebastiana");

    browser.tap("a[href$='/sinais']");
    new org.openqa.selenium.support.ui.Select(browser.find("#vital-type")).selectByValue("oxygen-saturation");
    browser.type("#vital-value", "91");
    screen("30-sinais-vitais");
    browser.tap("#vital-save");
    browser.waitForText("#vitals", "91 %");

    browser.tap("a[href$='/alergia']");
    browser.type("#allergy-substance", "Penicilina");
    new org.openqa.selenium.support.ui.Select(browser.find("#allergy-severity")).selectByValue("severe");
    browser.type("#allergy-reaction", "edema de glote");
    screen("31-alergia");
    browser.tap("#allergy-save");
    browser.waitForText("#alerts", "Alergia grave: Penicilina");
    assertThat(browser.text("#allergies")).contains("Penicilina").contains("GRAVE");
    screen("32-prontuario-alerta");

    assertThat(api.get("/api/v1/patients/" + patientId + "/vital-signs", physician()).json()
        .get("items")).hasSize(1);
    assertThat(browser.outboxSize()).isZero();
  }
}
