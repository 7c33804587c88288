package br.prontuario.edge.testsupport.speech;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The generated ggml model, written once per test JVM. */
public final class TinyWhisper {

  private static Path model;

  private TinyWhisper() {}

  public static synchronized Path model() {
    if (model == null) {
      try {
        model = TinyWhisperModel.write(Files.createTempDirectory("tiny-whisper").resolve("ggml-tiny-random.bin"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return model;
  }
}
