package br.prontuario.edge.node.inference.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.prontuario.edge.node.inference.model.LargeStack;
import br.prontuario.edge.node.inference.model.ModelFiles;
import br.prontuario.edge.node.inference.onnx.EchoDecoder;
import br.prontuario.edge.node.inference.onnx.TinyModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generation loop on a decoder that echoes its prompt: what the model answers is what it was
 * given, so a prompt that lost the record (or the question) shows in the answer.
 */
class EchoDecoderChatTest {

  static ChatModel model;

  @BeforeAll
  static void load() throws Exception {
    Path dir = Files.createTempDirectory("echo");
    Path decoder = EchoDecoder.write(dir, TinyModels.VOCAB.size());
    Path tokenizer = TinyModels.tokenizer(dir);
    ChatProperties properties = new ChatProperties(64, List.of("<eos>"), "{context}\n{question}", 1, 5, "aviso");
    model = TestChatModels.load(properties, decoder, tokenizer);
  }

  @AfterAll
  static void close() throws Exception {
    model.close();
  }

  @Test
  void theRecordAndTheQuestionReachTheModel() throws Exception {
    String prompt = PromptAssembly.assemble("{context} hoje {question}", "paciente tem febre e tosse", "o paciente");

    Generation echo = model.generate(prompt, 8, Sampling.GREEDY, piece -> {}, () -> false);

    assertThat(echo.text()).isEqualTo("paciente tem febre e tosse hoje o paciente");
  }

  @Test
  void aSplitExportRunsThroughItsEmbeddingsModelLikeMedGemma() throws Exception {
    Path dir = Files.createTempDirectory("echo-split");
    Path decoder = EchoDecoder.writeOnEmbeddings(dir, TinyModels.VOCAB.size());
    Path embeddings = EchoDecoder.embeddings(dir, TinyModels.VOCAB.size());
    Path tokenizer = TinyModels.tokenizer(dir);
    ChatModelLoader loader = new ChatModelLoader(new ChatProperties(64, List.of("<eos>"), "{question}", 1, 5, "aviso"));

    try (ChatModel split = LargeStack.call("chat", () -> loader.load(new ModelFiles("chat",
        Map.of("model", decoder, "embeddings", embeddings, "tokenizer", tokenizer))))) {
      assertThat(split.generate("paciente tem febre", 3, Sampling.GREEDY, piece -> {}, () -> false).text())
          .isEqualTo("paciente tem febre");
    }
    assertThatThrownBy(() -> loader.load(new ModelFiles("chat", Map.of("model", decoder, "tokenizer", tokenizer))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'embeddings'");
  }

  @Test
  void aPromptWithoutTheRecordAnswersWithoutIt() throws Exception {
    String prompt = PromptAssembly.assemble("hoje {question}", "paciente tem febre e tosse", "o paciente");

    Generation echo = model.generate(prompt, 8, Sampling.GREEDY, piece -> {}, () -> false);

    assertThat(echo.text()).doesNotContain("febre");
  }
}
