package br.prontuario.edge.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.node.app.support.AppIT;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** A face login the server refuses ends in one pt-BR sentence, never a raw problem+json. */
class FaceLoginAppIT extends AppIT {

  @Test
  void aRefusedFacePhotoShowsAPortugueseSentenceAndKeepsPasswordLogin() throws IOException {
    Path photo = Path.of("target", "no-face.png");
    Files.createDirectories(photo.getParent());
    ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "png", photo.toFile());
    browser.open(appUrl());
    browser.type("#username", USER);
    browser.tap("#face-login");
    browser.driver().findElement(org.openqa.selenium.By.id("face-photo"))
        .sendKeys(photo.toAbsolutePath().toString());

    String shown = browser.text("[role=alert]");
    assertThat(shown).containsAnyOf("Rosto não reconhecido", "Nenhum rosto", "mais de um rosto",
        "A foto não pôde ser usada", "Entrada pelo rosto indisponível", "reconhecimento de rosto");
    assertThat(shown).doesNotContain("{", "correlationId", "Exception", "problem");
    assertThat(browser.text("h1")).isEqualTo("Entrar no prontuário");
    assertThat(browser.find("#login-submit").isEnabled()).isTrue();
    screen("11-rosto-recusado");
  }
}
