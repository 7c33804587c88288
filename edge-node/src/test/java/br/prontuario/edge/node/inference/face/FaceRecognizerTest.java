package br.prontuario.edge.node.inference.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OrtSession;
import br.prontuario.edge.node.inference.onnx.TinyModels;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real detector, landmarks and embedder on real photos. */
class FaceRecognizerTest {

  final FaceRecognizer recognizer = RealFaces.recognizer();
  final List<BufferedImage> photos = RealFaces.calibrationPhotos();

  @Test
  void findsEachPersonOfAGroupPhotoAndTheAstronautAlone() throws Exception {
    assertThat(recognizer.faces(photos.get(0))).hasSize(3);
    assertThat(recognizer.read(photos.get(6))).isInstanceOf(FaceReading.OneFace.class);
  }

  @Test
  void aGroupPhotoIsSeveralFacesAndALandscapeNone() throws Exception {
    assertThat(recognizer.read(photos.get(0))).isEqualTo(new FaceReading.SeveralFaces(3));
    BufferedImage wall = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
    assertThat(recognizer.read(wall)).isInstanceOf(FaceReading.NoFace.class);
  }

  @Test
  void theSameFaceTiltedScoresFarAboveTwoDifferentPeople() throws Exception {
    List<FaceRecognizer.Face> group = recognizer.faces(photos.get(0));
    FaceRecognizer.Face first = group.get(0);
    BufferedImage tilted = Portraits.around(photos.get(0), first.box(), Portraits.CHANGES.get(4));

    double sameTilted = FaceCalibration.centralSimilarity(recognizer, tilted, first.embedding());

    assertThat(Embeddings.cosine(first.embedding(), first.embedding())).isCloseTo(1.0, within(1e-5));
    assertThat(sameTilted).isGreaterThan(0.6);
    assertThat(Embeddings.cosine(first.embedding(), group.get(1).embedding())).isLessThan(0.3);
  }

  @Test
  void refusesAFileThatIsNotTheEmbedder() throws Exception {
    Path decoder = TinyModels.decoder(Files.createTempDirectory("not-face"));

    assertThatThrownBy(() -> new FaceEmbedder(decoder, new OrtSession.SessionOptions()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("face embedder");
  }

  @Test
  void photoDecoderRejectsNonImagesAndOversizedOnes() {
    assertThat(PhotoDecoder.decode("hello".getBytes(), 1 << 20)).isEmpty();
    assertThat(PhotoDecoder.decode(new byte[200], 100)).isEmpty();
  }
}
