package br.prontuario.edge.node.inference.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.prontuario.edge.node.inference.model.LargeStack;
import br.prontuario.edge.node.inference.model.ModelFiles;
import br.prontuario.edge.node.inference.onnx.TinyModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** On the real quantised MiniLM: a real transformer and tokenizer through the same ONNX Runtime path. */
class NoteRankerTest {

  static NoteRanker ranker;

  @BeforeAll
  static void load() throws Exception {
    ranker = LargeStack.call("retrieval", () -> new RetrievalModelLoader().load(new ModelFiles("retrieval", MiniLm.files())));
  }

  @AfterAll
  static void close() throws Exception {
    ranker.close();
  }

  @Test
  void ranksTheNoteThatAnswersTheQuestionFirst() throws Exception {
    List<String> notes = List.of(
        "Fratura de fêmur após queda da própria altura, conduta cirúrgica.",
        "Paciente refere alergia a penicilina, com urticária e edema de face.",
        "Pressão arterial controlada com losartana 50 mg ao dia.");

    assertThat(ranker.rank("Tem alergia a penicilina?", notes, 3)).first().isEqualTo(1);
    assertThat(ranker.rank("Como está a pressão arterial?", notes, 1)).containsExactly(2);
  }

  @Test
  void embedsIntoUnitVectorsOfTheModelsWidth() throws Exception {
    float[] embedding = ranker.embed("febre e tosse");
    double norm = 0;
    for (float v : embedding) {
      norm += v * v;
    }

    assertThat(embedding).hasSize(384);
    assertThat(norm).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-4));
  }

  @Test
  void refusesAModelThatIsNotASentenceEncoder() throws Exception {
    Path dir = Files.createTempDirectory("not-encoder");
    Path face = TinyModels.faceEmbedder(dir);

    assertThatThrownBy(() -> new NoteRanker(face, MiniLm.files().get("tokenizer"), 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
