package br.prontuario.edge.node.inference.dictation;

import br.prontuario.edge.node.inference.model.LargeStack;
import br.prontuario.edge.speech.AudioChunker;
import br.prontuario.edge.speech.WavAudio;
import br.prontuario.edge.speech.WhisperTranscriber;
import br.prontuario.edge.testsupport.speech.TestAudio;
import br.prontuario.edge.testsupport.speech.TinyWhisper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Whisper real-time factor (processing time / audio length) through whisper-jni, and through
 * whisper.cpp's own CLI on the same file when one is installed (not a test).
 */
public final class DictationBenchmark {

  public record Result(double audioSeconds, double jniSeconds, double jniRtf, String cli, double cliSeconds) {}

  private DictationBenchmark() {}

  public static Result run(Path model, Path wav, int threads, int runs) throws Exception {
    WavAudio.Decoded audio = (WavAudio.Decoded) WavAudio.decode(Files.readAllBytes(wav));
    double audioSeconds = audio.samples().length / (double) WavAudio.WHISPER_RATE;
    try (WhisperTranscriber whisper = LargeStack.call("dictation", () -> WhisperTranscriber.load(model, threads))) {
      transcribeAll(whisper, audio);
      long start = System.nanoTime();
      for (int i = 0; i < runs; i++) {
        transcribeAll(whisper, audio);
      }
      double jniSeconds = (System.nanoTime() - start) / 1e9 / runs;
      String cli = findCli();
      double cliSeconds = cli == null ? Double.NaN : timeCli(cli, model, wav, threads, runs);
      return new Result(audioSeconds, jniSeconds, jniSeconds / audioSeconds, cli == null ? "not installed" : cli, cliSeconds);
    }
  }

  /** A 16 kHz mono WAV of {@code seconds} of tone, for runs without a recording. */
  public static Path syntheticWav(Path dir, double seconds) throws IOException {
    return Files.write(dir.resolve("tone.wav"), TestAudio.pcm16(TestAudio.tone(220, 16_000, seconds), 16_000, 1));
  }

  public static Path tinyModel() {
    return TinyWhisper.model();
  }

  private static void transcribeAll(WhisperTranscriber whisper, WavAudio.Decoded audio) {
    for (AudioChunker.Chunk chunk : AudioChunker.split(audio.samples(), 30 * WavAudio.WHISPER_RATE)) {
      whisper.transcribe(chunk.samples(), "pt");
    }
  }

  private static String findCli() {
    for (String name : List.of("whisper-cli", "whisper-cpp", "whisper.cpp")) {
      for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
        if (Files.isExecutable(Path.of(dir, name))) {
          return Path.of(dir, name).toString();
        }
      }
    }
    return null;
  }

  private static double timeCli(String cli, Path model, Path wav, int threads, int runs) throws Exception {
    List<String> command = new ArrayList<>(List.of(cli, "-m", model.toString(), "-f", wav.toString(), "-l", "pt",
        "-t", Integer.toString(threads), "-np"));
    long start = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        return Double.NaN;
      }
    }
    return (System.nanoTime() - start) / 1e9 / runs;
  }
}
