package br.prontuario.edge.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.node.app.support.AppIT;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: a lab's results reach the clinician's phone. The integrator's guide sample (sodium
 * normal, potassium 6.8 HH) sent as a FHIR Bundle shows on the chart under "Exames
 * laboratoriais" with the potassium marked critical, and raises the critical alert above it.
 */
class LabResultsAppIT extends AppIT {

  @Test
  void theLabsResultsShowOnTheChartWithTheCriticalValueMarked() throws Exception {
    String name = uniqueName("Quelita");
    String patientId = createPatient(name);
    String cpf = jdbc.queryForObject("SELECT cpf FROM patients WHERE id = ?::uuid", String.class, patientId);
    String bundle = Files.readString(Path.of("../docs/samples/fhir-lab-bundle-potassium.json"))
        .replace("90000000256", cpf).replace("LIS-000002", "LIS-" + UUID.randomUUID());
    var sent = api.send(api.request("/fhir", null).header("Content-Type", "application/fhir+json")
        .header("X-Lab-Sender", LAB_SENDER).header("X-Lab-Token", LAB_TOKEN)
        .POST(HttpRequest.BodyPublishers.ofString(bundle)).build());
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);

    login();
    openChart(name);

    browser.waitForText("#labs", "Potassium");
    assertThat(browser.text("#labs")).contains("6,8 mmol/L", "crítico alto", "ref. 3.5-5.1",
        "Sodium", "138 mmol/L");
    assertThat(browser.find("#labs li.lab-critical").getText()).contains("Potassium");
    assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("#labs li.lab"))).hasSize(2);
    assertThat(browser.text("#alerts")).contains("Valor crítico");
    screen("lab-01-exames", "#labs");
  }
}
