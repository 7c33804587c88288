package br.prontuario.edge.node.inference.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.prontuario.edge.node.inference.model.ModelFiles;
import br.prontuario.edge.node.inference.onnx.TinyModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChatModelTest {

  static ChatModel model;
  static Path dir;

  @BeforeAll
  static void loadTinyDecoder() throws Exception {
    dir = Files.createTempDirectory("chat-model");
    ChatProperties properties = new ChatProperties(16, List.of("<eos>", "<end_of_turn>"), "{question}", 1, 5, "aviso");
    Path decoder = TinyModels.decoder(dir);
    Path tokenizer = TinyModels.tokenizer(dir);
    model = TestChatModels.load(properties, decoder, tokenizer);
  }

  @AfterAll
  static void close() throws Exception {
    model.close();
  }

  @Test
  void generatesGreedilyThroughTheKvCacheUntilTheStopToken() throws Exception {
    Generation generation = model.generate("o paciente", 16, Sampling.GREEDY, piece -> {}, () -> false);

    // positions 1..4 of the model's table; position 5 is <eos>, which ends and is not emitted
    assertThat(generation.text()).isEqualTo("tem febre e tosse");
    assertThat(generation.tokens()).containsExactly(4L, 5L, 6L, 7L);
    assertThat(generation.stopReason()).isEqualTo(Generation.StopReason.STOP_TOKEN);
  }

  @Test
  void stopsAtTheMaxTokenLimit() throws Exception {
    Generation generation = model.generate("o paciente", 2, Sampling.GREEDY, piece -> {}, () -> false);

    assertThat(generation.text()).isEqualTo("tem febre");
    assertThat(generation.stopReason()).isEqualTo(Generation.StopReason.MAX_TOKENS);
  }

  @Test
  void streamsEachTokenAsItIsGenerated() throws Exception {
    List<String> pieces = new ArrayList<>();

    Generation generation = model.generate("o paciente", 16, Sampling.GREEDY, pieces::add, () -> false);

    assertThat(pieces).hasSize(4);
    assertThat(String.join("", pieces)).isEqualTo(generation.text());
    assertThat(pieces.get(0)).isEqualTo("tem");
    assertThat(pieces.get(1)).isEqualTo(" febre");
  }

  @Test
  void stopsWhenTheCallerCancels() throws Exception {
    AtomicInteger checks = new AtomicInteger();

    Generation generation = model.generate("o paciente", 16, Sampling.GREEDY, piece -> {}, () -> checks.incrementAndGet() > 2);

    assertThat(generation.tokens()).hasSize(2);
    assertThat(generation.stopReason()).isEqualTo(Generation.StopReason.CANCELLED);
  }

  @Test
  void samplesWithinTheNucleusAndRepeatsForTheSameSeed() throws Exception {
    Set<String> firstWords = new HashSet<>();
    for (long seed = 0; seed < 24; seed++) {
      firstWords.add(model.generate("o paciente", 1, new Sampling(1.0, 0.95, seed), p -> {}, () -> false).text());
    }
    Sampling seeded = new Sampling(1.0, 0.95, 42);

    assertThat(firstWords).containsExactlyInAnyOrder("tem", "hoje");
    assertThat(model.generate("o paciente", 8, seeded, p -> {}, () -> false))
        .isEqualTo(model.generate("o paciente", 8, seeded, p -> {}, () -> false));
  }

  @Test
  void aSmallNucleusKeepsOnlyTheMostLikelyToken() throws Exception {
    Set<String> firstWords = new HashSet<>();
    for (long seed = 0; seed < 24; seed++) {
      firstWords.add(model.generate("o paciente", 1, new Sampling(1.0, 0.3, seed), p -> {}, () -> false).text());
    }

    assertThat(firstWords).containsExactly("tem");
  }

  @Test
  void refusesAFileThatIsNotAKvCacheDecoder() throws Exception {
    Path face = TinyModels.faceEmbedder(dir);
    ChatModelLoader loader = new ChatModelLoader(new ChatProperties(16, List.of("<eos>"), "{question}", 1, 5, "aviso"));

    assertThatThrownBy(() -> loader.load(new ModelFiles("chat", Map.of("model", face, "tokenizer", dir.resolve("tokenizer.json")))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("past_key_values");
  }
}
