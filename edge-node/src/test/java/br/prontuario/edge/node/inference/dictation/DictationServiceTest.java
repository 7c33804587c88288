package br.prontuario.edge.node.inference.dictation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.prontuario.edge.node.inference.model.InferenceGate;
import br.prontuario.edge.node.inference.model.InferenceProperties;
import br.prontuario.edge.node.inference.model.ManifestFixture;
import br.prontuario.edge.node.inference.model.ModelRegistry;
import br.prontuario.edge.node.inference.model.ModelState;
import br.prontuario.edge.speech.Segment;
import br.prontuario.edge.speech.WavAudio;
import br.prontuario.edge.speech.WhisperTranscriber;
import br.prontuario.edge.testsupport.speech.TestAudio;
import br.prontuario.edge.testsupport.speech.TinyWhisper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real whisper.cpp path through whisper-jni, on the generated random-weight model. */
class DictationServiceTest {

  static final DictationProperties PROPERTIES = new DictationProperties("pt", Duration.ofSeconds(30), Duration.ofMinutes(15), 1);
  static ModelRegistry registry;
  static InferenceGate gate;
  static SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @BeforeAll
  static void loadTinyWhisper() throws IOException {
    Path dir = Files.createTempDirectory("dictation");
    Path manifest = ManifestFixture.write(dir, Map.of("dictation", Map.of("model", TinyWhisper.model())));
    registry = new ModelRegistry(manifest, List.of(new DictationModelLoader(PROPERTIES)));
    gate = new InferenceGate(new InferenceProperties(manifest, Map.of(), Duration.ofSeconds(5)), meters);
  }

  @AfterAll
  static void close() throws Exception {
    gate.destroy();
    registry.destroy();
  }

  @Test
  void transcribesThroughWhisperCppIntoADraftWithTimestampsInsideTheRecording() {
    assertThat(registry.status("dictation").state()).isEqualTo(ModelState.LOADED);
    UUID patient = UUID.randomUUID();
    WavAudio.Decoded audio = decoded(TestAudio.tone(220, 16_000, 3));

    DictationDraft draft = new DictationService(registry, gate, PROPERTIES).transcribe(audio, "pt", patient);

    assertThat(draft.status()).isEqualTo("DRAFT");
    assertThat(draft.saved()).isFalse();
    assertThat(draft.patientId()).isEqualTo(patient);
    assertThat(draft.durationMs()).isEqualTo(3000);
    assertThat(draft.segments()).isNotEmpty().allSatisfy(s -> {
      assertThat(s.startMs()).isBetween(0L, 3000L);
      assertThat(s.endMs()).isBetween(s.startMs(), 3000L);
    });
    assertThat(draft.text()).isNotBlank();
  }

  @Test
  void transcribesLongRecordingsChunkByChunkWithTimesOnTheWholeRecording() {
    WavAudio.Decoded audio = decoded(TestAudio.tone(220, 16_000, 65));
    long before = whisperCalls();

    DictationDraft draft = new DictationService(registry, gate, PROPERTIES).transcribe(audio, "pt", null);

    // 65 s in chunks of at most 30 s: three whisper calls
    assertThat(whisperCalls() - before).isEqualTo(3);
    assertThat(draft.segments()).allSatisfy(s -> assertThat(s.endMs()).isLessThanOrEqualTo(65_000L));
    assertThat(draft.segments().stream().mapToLong(Segment::startMs).max().orElseThrow()).isGreaterThanOrEqualTo(48_000L);
  }

  @Test
  void aFileThatIsNotAWhisperModelFailsToLoad() throws IOException {
    // only a wrong magic number is safe to try: a ggml header with bad sizes aborts the JVM inside
    // whisper.cpp, which is why the registry checks SHA-256 before any load
    Path corrupt = Files.createTempFile("corrupt", ".bin");
    Files.writeString(corrupt, "this is not a ggml model");

    assertThatThrownBy(() -> WhisperTranscriber.load(corrupt, 1))
        .isInstanceOf(IOException.class).hasMessageContaining("could not load");
  }

  private static long whisperCalls() {
    var timer = meters.find("edge.inference.latency").tag("model", "dictation").timer();
    return timer == null ? 0 : timer.count();
  }

  private static WavAudio.Decoded decoded(float[] samples) {
    return (WavAudio.Decoded) WavAudio.decode(TestAudio.pcm16(samples, 16_000, 1));
  }
}
