package br.prontuario.edge.ctl.models;

import br.prontuario.edge.speech.ChunkedTranscription;
import br.prontuario.edge.speech.Segment;
import br.prontuario.edge.speech.WavAudio;
import br.prontuario.edge.speech.WhisperTranscriber;
import br.prontuario.edge.speech.WordErrorRate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Transcribes each sample with a Whisper model through the code edge-node serves dictation with
 * (WAV decoding, resampling, 30 s chunks, whisper-jni) and scores it: word error rate against the
 * transcript and real-time factor (processing time ÷ audio duration; below 1 is faster than speech).
 */
final class DictationBench {

  /** edge-node's default window ({@code edge.inference.dictation.chunk}). */
  private static final long CHUNK_MS = 30_000;

  record SampleResult(String id, double audioSeconds, double processingSeconds, double rtf, double wer,
                      int substitutions, int deletions, int insertions, int referenceWords, String hypothesis) {}

  record Overall(int samples, double audioSeconds, double processingSeconds, double rtf, double wer,
                 int errors, int referenceWords) {}

  record Report(String node, String model, int threads, String language, List<SampleResult> samples, Overall overall) {}

  private DictationBench() {}

  static Report run(String node, Path model, int threads, String language, List<SpeechSamples.Sample> samples) throws IOException {
    List<SampleResult> results = new ArrayList<>();
    try (WhisperTranscriber whisper = WhisperTranscriber.load(model, threads)) {
      for (SpeechSamples.Sample sample : samples) {
        results.add(score(whisper, language, sample));
      }
    }
    double audio = results.stream().mapToDouble(SampleResult::audioSeconds).sum();
    double processing = results.stream().mapToDouble(SampleResult::processingSeconds).sum();
    int errors = results.stream().mapToInt(r -> r.substitutions() + r.deletions() + r.insertions()).sum();
    int words = results.stream().mapToInt(SampleResult::referenceWords).sum();
    // corpus WER: all errors over all reference words, so long samples weigh more than short ones
    double wer = words == 0 ? Double.POSITIVE_INFINITY : errors / (double) words;
    return new Report(node, model.toString(), threads, language, results,
        new Overall(results.size(), audio, processing, processing / audio, wer, errors, words));
  }

  private static SampleResult score(WhisperTranscriber whisper, String language, SpeechSamples.Sample sample) throws IOException {
    WavAudio.Decoding decoding = WavAudio.decode(Files.readAllBytes(sample.wav()));
    if (!(decoding instanceof WavAudio.Decoded audio)) {
      throw new IOException(sample.wav().getFileName() + " is not a WAV edge-node accepts: " + decoding);
    }
    long start = System.nanoTime();
    List<Segment> segments = ChunkedTranscription.transcribe(audio.samples(), CHUNK_MS,
        samples -> whisper.transcribe(samples, language));
    double processing = (System.nanoTime() - start) / 1e9;
    String hypothesis = segments.stream().map(Segment::text).map(String::strip).collect(Collectors.joining(" "));
    WordErrorRate wer = WordErrorRate.of(sample.transcript(), hypothesis);
    double seconds = audio.samples().length / (double) WavAudio.WHISPER_RATE;
    return new SampleResult(sample.id(), seconds, processing, processing / seconds, wer.rate(),
        wer.substitutions(), wer.deletions(), wer.insertions(), wer.referenceWords(), hypothesis);
  }
}
