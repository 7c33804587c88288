package br.prontuario.edge.node.inference.face;

import static br.prontuario.edge.node.inference.face.SyntheticFaces.Person.ANA;
import static br.prontuario.edge.node.inference.face.SyntheticFaces.Person.BRUNO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import br.prontuario.edge.node.inference.model.LargeStack;
import br.prontuario.edge.node.inference.onnx.TinyModels;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaceEmbedderTest {

  static FaceEmbedder embedder;

  @BeforeAll
  static void load() throws Exception {
    Path model = TinyModels.faceEmbedder(Files.createTempDirectory("face"));
    embedder = LargeStack.call("face", () -> new FaceEmbedder(model, "sha", 1));
  }

  @AfterAll
  static void close() throws Exception {
    embedder.close();
  }

  @Test
  void embedsCropsOfOnePersonCloseAndOfAnotherFarApart() throws Exception {
    float[] ana1 = embed(SyntheticFaces.crop(ANA, 1));
    float[] ana2 = embed(SyntheticFaces.crop(ANA, 2));
    float[] bruno = embed(SyntheticFaces.crop(BRUNO, 1));

    assertThat(Embeddings.cosine(ana1, ana1)).isCloseTo(1.0, within(1e-5));
    assertThat(Embeddings.cosine(ana1, ana2)).isGreaterThan(0.9);
    assertThat(Embeddings.cosine(ana1, bruno)).isLessThan(0.5);
  }

  @Test
  void refusesAModelThatIsNotAFaceEmbedder() throws Exception {
    Path decoder = TinyModels.decoder(Files.createTempDirectory("not-face"));

    assertThatThrownBy(() -> new FaceEmbedder(decoder, "sha", 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cropDecoderRejectsNonImages() {
    assertThat(CropDecoder.decode("hello".getBytes(), 1 << 20)).isEmpty();
    assertThat(CropDecoder.decode(SyntheticFaces.crop(ANA, 1), 100)).isEmpty();
  }

  private static float[] embed(byte[] png) throws Exception {
    return embedder.embed(CropDecoder.decode(png, 1 << 20).orElseThrow());
  }
}
