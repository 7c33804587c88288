package br.prontuario.edge.node.inference.dictation;

import br.prontuario.edge.node.inference.model.InferenceGate;
import br.prontuario.edge.node.inference.model.ModelRegistry;
import java.util.ArrayList;
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
    int chunkSamples = (int) (properties.chunk().toMillis() * WavAudio.WHISPER_RATE / 1000);
    List<Segment> segments = new ArrayList<>();
    for (AudioChunker.Chunk chunk : AudioChunker.split(audio.samples(), chunkSamples)) {
      List<Segment> pieces = gate.call(DictationModelLoader.NAME, () -> whisper.transcribe(chunk.samples(), language));
      for (Segment piece : pieces) {
        segments.add(new Segment(piece.startMs() + chunk.startMs(), piece.endMs() + chunk.startMs(), piece.text()));
      }
    }
    return DictationDraft.of(patientId, language, audio.durationMs(), segments);
  }

  DictationProperties properties() {
    return properties;
  }
}
