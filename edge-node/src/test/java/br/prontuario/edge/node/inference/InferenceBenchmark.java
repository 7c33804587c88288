package br.prontuario.edge.node.inference;

import br.prontuario.edge.node.inference.chat.ChatBenchmark;
import br.prontuario.edge.node.inference.dictation.DictationBenchmark;
import br.prontuario.edge.node.inference.face.FaceBenchmark;
import br.prontuario.edge.node.inference.onnx.SyntheticDecoder;
import br.prontuario.edge.node.inference.onnx.TinyModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Local-inference benchmark, run by command (docs/benchmarks.md, "Local inference"). Options:
 * {@code --chat-model FILE --chat-tokenizer FILE | --chat-synthetic WIDTH,LAYERS,HEADS,VOCAB|tiny,
 * --whisper FILE --audio WAV --tokens N --threads N --runs N}; a model not given is
 * generated (chat: a random 512-wide 8-layer decoder with a 32k vocabulary).
 */
public final class InferenceBenchmark {

  private InferenceBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    Path work = Files.createTempDirectory("inference-bench");
    int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
    int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
    int tokens = Integer.parseInt(options.getOrDefault("tokens", "128"));
    System.out.printf("machine: %d cores, %s %s, java %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));

    Path chatModel = path(options, "chat-model", () -> syntheticDecoder(work, options.getOrDefault("chat-synthetic", "512,8,8,32000")));
    Path tokenizer = path(options, "chat-tokenizer", () -> work.resolve("tokenizer.json"));
    List<String> stops = options.containsKey("chat-model") ? List.of("<eos>", "<end_of_turn>")
        : options.getOrDefault("chat-synthetic", "").equals("tiny") ? List.of("<end_of_turn>") : List.of("<never>");
    ChatBenchmark.Result chat = ChatBenchmark.run(chatModel, tokenizer, options.getOrDefault("prompt", "o paciente tem febre e tosse há dois dias"),
        stops, tokens, threads, runs);
    System.out.printf("chat      %s: prompt %d tokens, %d generated, first token %.1f ms, %.1f tokens/s%n",
        chatModel.getFileName(), chat.promptTokens(), chat.generated(), chat.firstTokenMs(), chat.tokensPerSecond());

    FaceBenchmark.Result embedding = FaceBenchmark.run(threads, Math.max(20, runs * 10));
    System.out.printf("face      detect+landmarks+align+embed (fr_*.onnx): %d-d embedding, p50 %.2f ms, p95 %.2f ms, mean %.2f ms%n",
        embedding.dimensions(), embedding.p50Ms(), embedding.p95Ms(), embedding.meanMs());

    Path whisper = path(options, "whisper", DictationBenchmark::tinyModel);
    Path audio = path(options, "audio", () -> DictationBenchmark.syntheticWav(work, 30));
    DictationBenchmark.Result dictation = DictationBenchmark.run(whisper, audio, threads, runs);
    System.out.printf("dictation %s: %.1f s audio, whisper-jni %.3f s (RTF %.4f), whisper.cpp CLI: %s%n",
        whisper.getFileName(), dictation.audioSeconds(), dictation.jniSeconds(), dictation.jniRtf(),
        Double.isNaN(dictation.cliSeconds()) ? dictation.cli()
            : String.format("%.3f s (RTF %.4f)", dictation.cliSeconds(), dictation.cliSeconds() / dictation.audioSeconds()));
  }

  /** WIDTH,LAYERS,HEADS,VOCAB of a random-weight decoder; "tiny" for the 10-word test decoder. */
  private static Path syntheticDecoder(Path dir, String shape) throws Exception {
    if (shape.equals("tiny")) {
      TinyModels.tokenizer(dir);
      return TinyModels.decoder(dir);
    }
    String[] parts = shape.split(",");
    return SyntheticDecoder.write(dir, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
        Integer.parseInt(parts[3]));
  }

  private interface PathSupplier {
    Path get() throws Exception;
  }

  private static Path path(Map<String, String> options, String key, PathSupplier fallback) throws Exception {
    return options.containsKey(key) ? Path.of(options.get(key)) : fallback.get();
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option value, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }
}
