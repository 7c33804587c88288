package br.prontuario.edge.node.inference.dictation;

import br.prontuario.edge.node.inference.model.InferenceGate;
import br.prontuario.edge.node.inference.model.ModelRegistry;
import br.prontuario.edge.speech.ChunkedTranscription;
import br.prontuario.edge.speech.Segment;
import br.prontuario.edge.speech.WavAudio;
import br.prontuario.edge.speech.WhisperTranscriber;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Turns a decoded recording into a draft: chunk by chunk, each chunk one bounded inference. */
@Service
class DictationService {

  private final ModelRegistry registry;
  private final InferenceGate gate;
  private final DictationProperties properties;

  DictationService(ModelRegistry registry, InferenceGate gate, DictationProperties properties) {
    this.registry = registry;
    this.gate = gate;
    this.properties = properties;
  }

  /** Fails fast with 503 before the upload is even decoded. */
  void requireModel() {
    registry.require(DictationModelLoader.NAME, WhisperTranscriber.class);
  }

  DictationDraft transcribe(WavAudio.Decoded audio, String language, UUID patientId) {
    WhisperTranscriber whisper = registry.require(DictationModelLoader.NAME, WhisperTranscriber.class);
    List<Segment> segments = ChunkedTranscription.transcribe(audio.samples(), properties.chunk().toMillis(),
        samples -> gate.call(DictationModelLoader.NAME, () -> whisper.transcribe(samples, language)));
    return DictationDraft.of(patientId, language, audio.durationMs(), segments);
  }

  DictationProperties properties() {
    return properties;
  }
}
