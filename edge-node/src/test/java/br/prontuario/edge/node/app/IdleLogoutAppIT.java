package br.prontuario.edge.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.node.app.support.AppIT;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.test.context.TestPropertySource;

/**
 * A phone left alone logs itself out after the idle time the server's app config gives (short
 * here; 10 minutes by default), deleting what it had not sent: on a shared phone the next person
 * must not find the last one's session or pending notes.
 */
@TestPropertySource(properties = "edge.app.idle-logout=10s")
class IdleLogoutAppIT extends AppIT {

  @Test
  void anUntouchedPhoneReturnsToLoginAndDeletesItsPendingWrites() {
    String config = api.get("/app/config.json", null).json().get("idleLogoutSeconds").asText();
    String patientId = chartOfANewPatient("Idalina");
    browser.blockUrls("*/api/v1/patients/" + patientId + "/notes");
    browser.tap("a[href$='/nota']");
    browser.type("#note-text", "Nota esquecida no aparelho.");
    browser.tap("#note-save");
    browser.waitForText("#pending", "pendente");
    assertThat(browser.outboxSize()).isEqualTo(1);

    // nobody touches the phone from here on
    browser.waitForText("h1", "Entrar no prontuário");

    assertThat(config).isEqualTo("10");
    assertThat(browser.text("main")).contains("Sessão encerrada após inatividade. Entre de novo.");
    assertThat(browser.outboxSize()).isZero();
    assertThat(browser.driver().executeScript("return sessionStorage.length")).isEqualTo(0L);
    assertThat(browser.driver().getCurrentUrl()).as("the next user does not land on this chart").endsWith("#/busca");
    assertThat(browser.driver().findElement(By.id("who")).getText()).isEmpty();
    screen("12-sessao-expirada");
    browser.unblockUrls();
    assertThat(notesOf(patientId)).isEmpty();
  }
}
