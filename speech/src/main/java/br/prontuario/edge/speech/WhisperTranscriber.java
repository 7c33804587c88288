package br.prontuario.edge.speech;

import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperFullParams;
import io.github.givimad.whisperjni.WhisperJNI;
import io.github.givimad.whisperjni.WhisperSamplingStrategy;
import io.github.givimad.whisperjni.WhisperState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A whisper.cpp model loaded through whisper-jni. The context (weights) is shared; each
 * transcription gets its own state, so concurrent calls within the bulkhead's limit are safe.
 */
public final class WhisperTranscriber implements AutoCloseable {

  private static boolean libraryLoaded;

  private final WhisperJNI whisper;
  private final WhisperContext context;
  private final int threads;

  private WhisperTranscriber(WhisperJNI whisper, WhisperContext context, int threads) {
    this.whisper = whisper;
    this.context = context;
    this.threads = threads;
  }

  /** Loads a model file whose checksum was already verified; whisper.cpp answers null, not an exception, for a bad file. */
  public static WhisperTranscriber load(Path model, int threads) throws IOException {
    loadLibraryOnce();
    WhisperJNI whisper = new WhisperJNI();
    WhisperContext context = whisper.init(model);
    if (context == null) {
      throw new IOException("whisper.cpp could not load " + model.getFileName() + " (not a ggml Whisper model?)");
    }
    return new WhisperTranscriber(whisper, context, threads);
  }

  // every load unpacks the native library into a new temp folder: once per JVM is enough
  private static synchronized void loadLibraryOnce() throws IOException {
    if (!libraryLoaded) {
      WhisperJNI.loadLibrary();
      libraryLoaded = true;
    }
  }

  /** Transcribes 16 kHz mono samples; segment times are relative to the samples' start. */
  public List<Segment> transcribe(float[] samples, String language) {
    WhisperFullParams params = new WhisperFullParams(WhisperSamplingStrategy.GREEDY);
    params.language = language;
    params.nThreads = threads;
    params.translate = false;
    params.printProgress = false;
    params.printRealtime = false;
    params.printTimestamps = false;
    params.noContext = true;
    long lengthMs = samples.length * 1000L / WavAudio.WHISPER_RATE;
    WhisperState state = whisper.initState(context);
    try {
      int status = whisper.fullWithState(context, state, params, samples, samples.length);
      if (status != 0) {
        throw new IllegalStateException("whisper_full failed with status " + status);
      }
      int count = whisper.fullNSegmentsFromState(state);
      List<Segment> segments = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        // whisper.cpp counts in centiseconds and may run past the end of a padded window
        long start = Math.min(whisper.fullGetSegmentTimestamp0FromState(state, i) * 10, lengthMs);
        long end = Math.min(Math.max(whisper.fullGetSegmentTimestamp1FromState(state, i) * 10, start), lengthMs);
        segments.add(new Segment(start, end, whisper.fullGetSegmentTextFromState(state, i)));
      }
      return segments;
    } finally {
      state.close();
    }
  }

  @Override
  public void close() {
    context.close();
  }
}
