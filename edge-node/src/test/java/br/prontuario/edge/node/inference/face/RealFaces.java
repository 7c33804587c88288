package br.prontuario.edge.node.inference.face;

import br.prontuario.edge.localcluster.models.ModelSources;
import br.prontuario.edge.node.inference.model.LargeStack;
import br.prontuario.edge.node.inference.model.RealModels;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** The real face models and the calibration photos, both from their pinned packages. */
final class RealFaces {

  private static FaceRecognizer recognizer;

  private RealFaces() {}

  static synchronized FaceRecognizer recognizer() {
    if (recognizer == null) {
      var files = RealModels.files(ModelSources.FACE);
      try {
        recognizer = LargeStack.call("face", () -> new FaceRecognizer(files.get("detector"), files.get("landmarks"),
            files.get("embedder"), "test", 2));
      } catch (Exception e) {
        throw new IllegalStateException("the real face models did not load", e);
      }
    }
    return recognizer;
  }

  /** The six group photos of @vladmandic/face-api's demo and scikit-image's astronaut. */
  static List<BufferedImage> calibrationPhotos() {
    List<BufferedImage> photos = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      photos.add(read(RealModels.fixture(ModelSources.FACE_API_DEMO, "demo/sample" + i + ".jpg")));
    }
    photos.add(read(RealModels.fixture(ModelSources.SKIMAGE, "usr/lib/python3/dist-packages/skimage/data/astronaut.png")));
    return photos;
  }

  static BufferedImage read(Path file) {
    try {
      return Pixels.rgb(ImageIO.read(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
