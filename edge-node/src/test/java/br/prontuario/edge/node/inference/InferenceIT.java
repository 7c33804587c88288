package br.prontuario.edge.node.inference;

import br.prontuario.edge.localcluster.models.ModelSources;
import br.prontuario.edge.node.inference.chat.MiniLm;
import br.prontuario.edge.node.inference.model.ManifestFixture;
import br.prontuario.edge.node.inference.model.RealModels;
import br.prontuario.edge.node.inference.onnx.TinyModels;
import br.prontuario.edge.node.support.EdgeNodeIT;
import br.prontuario.edge.testsupport.speech.TinyWhisper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the local-AI API tests: the records API's context plus a manifest pinning the generated
 * tiny models (chat decoder + tokenizer, random-weight Whisper) and the real face models and
 * MiniLM of a default install, all LOADED. Every subclass shares this one context.
 */
public abstract class InferenceIT extends EdgeNodeIT {

  static final String FACE_KEY = Base64.getEncoder().encodeToString(new byte[] {
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
  static final Path MANIFEST = writeManifest();

  @DynamicPropertySource
  static void models(DynamicPropertyRegistry registry) {
    registry.add("edge.inference.manifest", MANIFEST::toString);
    registry.add("edge.inference.chat.prompt-template", () -> "{context}\n{question}");
    registry.add("edge.inference.chat.threads", () -> "1");
    // one thread: with two, float reduction order varies and the random model's near-tie logits flip,
    // so its output (and run time) would change from run to run
    registry.add("edge.inference.dictation.threads", () -> "1");
    registry.add("edge.inference.face.encryption-key", () -> FACE_KEY);
  }

  private static Path writeManifest() {
    try {
      Path dir = Files.createTempDirectory("inference-it");
      return ManifestFixture.write(dir, Map.of(
          "chat", Map.of("model", TinyModels.decoder(dir), "tokenizer", TinyModels.tokenizer(dir)),
          "dictation", Map.of("model", TinyWhisper.model()),
          "face", RealModels.files(ModelSources.FACE),
          "retrieval", MiniLm.files()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
