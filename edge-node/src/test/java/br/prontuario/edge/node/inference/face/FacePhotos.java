package br.prontuario.edge.node.inference.face;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/** Login and enrolment photos for API tests: real people cut from the calibration photos, as JPEG. */
public final class FacePhotos {

  private FacePhotos() {}

  /** Person {@code face} (largest first) of calibration photo {@code photo}, framed with change {@code change} (−1: none). */
  public static byte[] portrait(int photo, int face, int change) {
    BufferedImage group = RealFaces.calibrationPhotos().get(photo);
    try {
      List<FaceRecognizer.Face> faces = RealFaces.recognizer().faces(group);
      faces.sort((a, b) -> Double.compare(b.box().height(), a.box().height()));
      return jpeg(Portraits.around(group, faces.get(face).box(), change < 0 ? Portraits.NONE : Portraits.CHANGES.get(change)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A whole group photo (three people). */
  public static byte[] group() {
    return jpeg(Pixels.resize(RealFaces.calibrationPhotos().get(0), 960, 640));
  }

  /** A grey wall: no face. */
  public static byte[] wall() {
    BufferedImage wall = new BufferedImage(320, 320, BufferedImage.TYPE_INT_RGB);
    wall.getGraphics().setColor(java.awt.Color.GRAY);
    wall.getGraphics().fillRect(0, 0, 320, 320);
    return jpeg(wall);
  }

  private static byte[] jpeg(BufferedImage image) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "jpg", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
