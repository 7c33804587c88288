package br.prontuario.edge.speech;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts long audio into pieces of at most {@code maxSamples}, each ending at the quietest 100 ms of
 * its last fifth so that words are rarely split, and remembers where each piece starts.
 */
public final class AudioChunker {

  public record Chunk(float[] samples, long startMs) {}

  private static final int WINDOW = WavAudio.WHISPER_RATE / 10;

  private AudioChunker() {}

  public static List<Chunk> split(float[] audio, int maxSamples) {
    List<Chunk> chunks = new ArrayList<>();
    int start = 0;
    while (start < audio.length) {
      int end = audio.length - start <= maxSamples ? audio.length : quietestCut(audio, start, start + maxSamples);
      float[] piece = new float[end - start];
      System.arraycopy(audio, start, piece, 0, piece.length);
      chunks.add(new Chunk(piece, start * 1000L / WavAudio.WHISPER_RATE));
      start = end;
    }
    return chunks;
  }

  private static int quietestCut(float[] audio, int start, int limit) {
    int searchFrom = Math.max(start + WINDOW, limit - (limit - start) / 5);
    int best = limit;
    double lowest = Double.MAX_VALUE;
    for (int at = searchFrom; at + WINDOW <= limit; at += WINDOW / 2) {
      double energy = 0;
      for (int i = at; i < at + WINDOW; i++) {
        energy += audio[i] * audio[i];
      }
      if (energy < lowest) {
        lowest = energy;
        best = at + WINDOW / 2;
      }
    }
    return best;
  }
}
