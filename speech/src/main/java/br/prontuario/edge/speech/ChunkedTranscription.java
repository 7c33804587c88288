package br.prontuario.edge.speech;

import java.util.ArrayList;
import java.util.List;

/**
 * A whole recording through Whisper: cut into windows by {@link AudioChunker}, each window
 * transcribed by the caller's {@link ChunkRunner} (the edge-node wraps it in its inference gate,
 * the benchmark calls the model directly), segment times shifted to the whole recording.
 */
public final class ChunkedTranscription {

  /** Transcribes one window; times in the answer are relative to the window's start. */
  @FunctionalInterface
  public interface ChunkRunner {
    List<Segment> transcribe(float[] samples);
  }

  private ChunkedTranscription() {}

  public static List<Segment> transcribe(float[] samples, long chunkMs, ChunkRunner runner) {
    int chunkSamples = (int) (chunkMs * WavAudio.WHISPER_RATE / 1000);
    List<Segment> segments = new ArrayList<>();
    for (AudioChunker.Chunk chunk : AudioChunker.split(samples, chunkSamples)) {
      for (Segment piece : runner.transcribe(chunk.samples())) {
        segments.add(new Segment(piece.startMs() + chunk.startMs(), piece.endMs() + chunk.startMs(), piece.text()));
      }
    }
    return segments;
  }
}
