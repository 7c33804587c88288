package br.prontuario.edge.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.node.app.support.AppIT;
import br.prontuario.edge.node.inference.face.FacePhotos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Face enrolment and deletion in the user's own settings, on the real face models with the
 * photos the face API tests use: two portraits of one person enrol, a third framing of that
 * person logs in from the login screen, and deleting the enrolment leaves nothing on the server.
 */
class FaceEnrolmentAppIT extends AppIT {

  @BeforeEach
  void noEnrolmentYet() {
    assertThat(api.send(api.request("/api/v1/auth/face/enrolment", physician()).DELETE().build()).status())
        .isEqualTo(204);
  }

  @Test
  void enrolsTwoPhotosLogsInWithTheFaceAndDeletesTheEnrolment() throws IOException {
    login();
    browser.tap("#who a");
    browser.waitForText("#face-title", "Entrada pelo rosto");
    browser.waitForText("main", "Você ainda não cadastrou o rosto."); // asked of the server after the screen shows
    takePhoto("enrol-photo", photo("enrol-a", FacePhotos.portrait(1, 0, -1)));
    browser.waitForText("#photo-count", "1 foto(s) pronta(s).");
    takePhoto("enrol-photo", photo("enrol-b", FacePhotos.portrait(1, 0, 6)));
    browser.waitForText("#photo-count", "2 foto(s) pronta(s).");
    screen("13-rosto-fotos");

    browser.tap("#enrol-send");
    browser.waitForText("#settings-status", "Rosto cadastrado.");
    browser.waitForText("main", "Cadastrado (2 foto(s)).");
    assertThat(enrolledPhotos()).isEqualTo(2);
    screen("14-rosto-cadastrado");

    browser.tap("#logout");
    browser.waitForText("h1", "Entrar no prontuário");
    browser.type("#username", USER);
    browser.tap("#face-login");
    browser.driver().findElement(By.id("face-photo"))
        .sendKeys(photo("login-tilted", FacePhotos.portrait(1, 0, 4)).toString());
    browser.waitForText("h1", "Buscar paciente");

    browser.tap("#who a");
    browser.tap("#face-delete");
    browser.waitForText("#settings-status", "Cadastro do rosto apagado.");
    browser.waitForText("main", "Você ainda não cadastrou o rosto.");
    assertThat(browser.driver().findElements(By.id("face-delete"))).isEmpty();
    assertThat(enrolledPhotos()).isZero();
    screen("15-rosto-apagado");
  }

  /** Taps "Tirar foto" and gives the camera's file input the photo, as iOS would after the shot. */
  private void takePhoto(String input, Path photo) {
    browser.tap("#" + input + "-take");
    browser.driver().findElement(By.id(input)).sendKeys(photo.toString());
  }

  private static Path photo(String name, byte[] jpeg) throws IOException {
    Path file = Path.of("target", "face-photos", name + ".jpg").toAbsolutePath();
    Files.createDirectories(file.getParent());
    return Files.write(file, jpeg);
  }

  private int enrolledPhotos() {
    return api.get("/api/v1/auth/face/enrolment", physician()).json().get("embeddings").asInt();
  }
}
