package br.prontuario.edge.node.inference.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** Tiny deterministic ONNX models and a word-level tokenizer.json, generated for tests. */
public final class TinyModels {

  /** The word vocabulary of the tiny decoder, by token id. */
  public static final List<String> VOCAB = List.of(
      "<eos>", "<unk>", "o", "paciente", "tem", "febre", "e", "tosse", "hoje", "<end_of_turn>");
  public static final int HEADS = 2;
  public static final int HEAD_DIM = 4;
  public static final int LAYERS = 2;
  static final int MAX_POSITIONS = 64;

  private TinyModels() {}

  /**
   * A 2-layer decoder with onnx-community KV-cache names whose next token depends only on the
   * position, read from the length of its present cache: if a loop forgot to feed the cache back
   * it would always be at position 0. Position 1 is a near tie between "tem" and "hoje" so that
   * top-p sampling has something to choose from.
   */
  public static Path decoder(Path dir) throws IOException {
    int vocab = VOCAB.size();
    float[] table = new float[MAX_POSITIONS * vocab];
    int[] byPosition = {8, 4, 5, 6, 7, 0};
    for (int p = 0; p < MAX_POSITIONS; p++) {
      int target = p < byPosition.length ? byPosition[p] : 8;
      table[p * vocab + target] = 10f;
    }
    table[vocab + 8] = 9.9f;
    OnnxWriter onnx = new OnnxWriter()
        .input("input_ids", OnnxWriter.INT64, 1L, "sequence")
        .input("attention_mask", OnnxWriter.INT64, 1L, "total")
        .floats("position_table", table, MAX_POSITIONS, vocab)
        .longs("kv_shape", new long[] {1, -1, HEADS, HEAD_DIM}, 4)
        .longs("two", new long[] {2})
        .longs("one", new long[] {1})
        .longs("last_position", new long[] {MAX_POSITIONS - 1})
        .longs("logits_shape", new long[] {1, 1, vocab}, 3);
    Random random = new Random(7);
    for (int layer = 0; layer < LAYERS; layer++) {
      for (String kind : List.of("key", "value")) {
        String past = "past_key_values." + layer + "." + kind;
        String present = "present." + layer + "." + kind;
        String prefix = "l" + layer + kind;
        onnx.input(past, OnnxWriter.FLOAT, 1L, (long) HEADS, "past", (long) HEAD_DIM)
            .output(present, OnnxWriter.FLOAT, 1L, (long) HEADS, "total", (long) HEAD_DIM)
            .floats(prefix + "_embedding", randomFloats(random, vocab * HEADS * HEAD_DIM), vocab, HEADS * HEAD_DIM)
            .node("Gather", new String[] {prefix + "_embedding", "input_ids"}, new String[] {prefix + "_e"})
            .node("Reshape", new String[] {prefix + "_e", "kv_shape"}, new String[] {prefix + "_r"})
            .node("Transpose", new String[] {prefix + "_r"}, new String[] {prefix + "_new"}, "perm", new long[] {0, 2, 1, 3})
            .node("Concat", new String[] {past, prefix + "_new"}, new String[] {present}, "axis", 2L);
      }
    }
    onnx.output("logits", OnnxWriter.FLOAT, 1L, 1L, (long) vocab)
        .node("Shape", new String[] {"present.0.key"}, new String[] {"present_shape"})
        .node("Gather", new String[] {"present_shape", "two"}, new String[] {"total_length"}, "axis", 0L)
        .node("Sub", new String[] {"total_length", "one"}, new String[] {"unclamped_position"})
        .node("Min", new String[] {"unclamped_position", "last_position"}, new String[] {"position"})
        .node("Gather", new String[] {"position_table", "position"}, new String[] {"row"}, "axis", 0L)
        .node("Reshape", new String[] {"row", "logits_shape"}, new String[] {"logits"});
    return onnx.writeTo(dir.resolve("decoder.onnx"));
  }

  /**
   * A face "embedding" model with the real one's input (1×3×112×112): 28×28 average pooling and
   * a fixed random projection to 16 dimensions, so similar crops give similar embeddings.
   */
  public static Path faceEmbedder(Path dir) throws IOException {
    Random random = new Random(11);
    return new OnnxWriter()
        .input("input", OnnxWriter.FLOAT, 1L, 3L, 112L, 112L)
        .output("embedding", OnnxWriter.FLOAT, 1L, 16L)
        .floats("projection", randomFloats(random, 48 * 16), 48, 16)
        .node("AveragePool", new String[] {"input"}, new String[] {"pooled"},
            "kernel_shape", new long[] {28, 28}, "strides", new long[] {28, 28})
        .node("Flatten", new String[] {"pooled"}, new String[] {"flat"}, "axis", 1L)
        .node("MatMul", new String[] {"flat", "projection"}, new String[] {"embedding"})
        .writeTo(dir.resolve("face.onnx"));
  }

  /** A word-level tokenizer.json over {@link #VOCAB}, special tokens marked as such. */
  public static Path tokenizer(Path dir) throws IOException {
    StringBuilder vocab = new StringBuilder();
    for (int i = 0; i < VOCAB.size(); i++) {
      vocab.append(i == 0 ? "" : ", ").append('"').append(VOCAB.get(i)).append("\": ").append(i);
    }
    String json = """
        {"version": "1.0", "truncation": null, "padding": null,
         "added_tokens": [%s, %s],
         "normalizer": null, "pre_tokenizer": {"type": "Whitespace"}, "post_processor": null,
         "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": true},
         "model": {"type": "WordLevel", "vocab": {%s}, "unk_token": "<unk>"}}
        """.formatted(special(0, "<eos>"), special(9, "<end_of_turn>"), vocab);
    Path file = dir.resolve("tokenizer.json");
    Files.writeString(file, json);
    return file;
  }

  private static String special(int id, String content) {
    return "{\"id\": %d, \"content\": \"%s\", \"single_word\": false, \"lstrip\": false, \"rstrip\": false, \"normalized\": false, \"special\": true}"
        .formatted(id, content);
  }

  private static float[] randomFloats(Random random, int n) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return values;
  }
}
