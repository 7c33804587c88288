package br.prontuario.edge.node.inference.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A random-weight transformer decoder of realistic shape for the chat benchmark (not for tests):
 * per layer Q/K/V projections, multi-head attention over the KV cache, output projection and a
 * ReLU MLP with residuals, then a vocabulary projection. Same onnx-community input/output names
 * as real exports, so the benchmark runs the production generation loop on real per-token work.
 */
public final class SyntheticDecoder {

  private SyntheticDecoder() {}

  /** Writes {@code decoder-D-L-V.onnx} and a word-level tokenizer of {@code vocab} words into {@code dir}. */
  public static Path write(Path dir, int width, int layers, int heads, int vocab) throws IOException {
    int headDim = width / heads;
    Random random = new Random(5);
    float scale = (float) (1 / Math.sqrt(width));
    OnnxWriter onnx = new OnnxWriter()
        .input("input_ids", OnnxWriter.INT64, 1L, "sequence")
        .input("attention_mask", OnnxWriter.INT64, 1L, "total")
        .floats("embedding", gaussian(random, vocab * width, 1f), vocab, width)
        .longs("split_heads", new long[] {1, -1, heads, headDim}, 4)
        .longs("merge_heads", new long[] {1, -1, width}, 3)
        .floats("attention_scale", new float[] {(float) (1 / Math.sqrt(headDim))})
        .node("Gather", new String[] {"embedding", "input_ids"}, new String[] {"x0"});
    String x = "x0";
    for (int l = 0; l < layers; l++) {
      String p = "l" + l + "_";
      for (String w : new String[] {"q", "k", "v", "o"}) {
        onnx.floats(p + w, gaussian(random, width * width, scale), width, width);
      }
      onnx.floats(p + "up", gaussian(random, width * 4 * width, scale), width, 4 * width)
          .floats(p + "down", gaussian(random, 4 * width * width, scale / 2), 4 * width, width)
          .input("past_key_values." + l + ".key", OnnxWriter.FLOAT, 1L, (long) heads, "past", (long) headDim)
          .input("past_key_values." + l + ".value", OnnxWriter.FLOAT, 1L, (long) heads, "past", (long) headDim)
          .output("present." + l + ".key", OnnxWriter.FLOAT, 1L, (long) heads, "total", (long) headDim)
          .output("present." + l + ".value", OnnxWriter.FLOAT, 1L, (long) heads, "total", (long) headDim);
      for (String w : new String[] {"q", "k", "v"}) {
        onnx.node("MatMul", new String[] {x, p + w}, new String[] {p + w + "_flat"})
            .node("Reshape", new String[] {p + w + "_flat", "split_heads"}, new String[] {p + w + "_split"})
            .node("Transpose", new String[] {p + w + "_split"}, new String[] {p + w + "_heads"}, "perm", new long[] {0, 2, 1, 3});
      }
      onnx.node("Concat", new String[] {"past_key_values." + l + ".key", p + "k_heads"}, new String[] {"present." + l + ".key"}, "axis", 2L)
          .node("Concat", new String[] {"past_key_values." + l + ".value", p + "v_heads"}, new String[] {"present." + l + ".value"}, "axis", 2L)
          .node("Transpose", new String[] {"present." + l + ".key"}, new String[] {p + "kt"}, "perm", new long[] {0, 1, 3, 2})
          .node("MatMul", new String[] {p + "q_heads", p + "kt"}, new String[] {p + "scores_raw"})
          .node("Mul", new String[] {p + "scores_raw", "attention_scale"}, new String[] {p + "scores"})
          .node("Softmax", new String[] {p + "scores"}, new String[] {p + "weights"}, "axis", -1L)
          .node("MatMul", new String[] {p + "weights", "present." + l + ".value"}, new String[] {p + "context_heads"})
          .node("Transpose", new String[] {p + "context_heads"}, new String[] {p + "context_split"}, "perm", new long[] {0, 2, 1, 3})
          .node("Reshape", new String[] {p + "context_split", "merge_heads"}, new String[] {p + "context"})
          .node("MatMul", new String[] {p + "context", p + "o"}, new String[] {p + "attended"})
          .node("Add", new String[] {x, p + "attended"}, new String[] {p + "mid"})
          .node("MatMul", new String[] {p + "mid", p + "up"}, new String[] {p + "up_out"})
          .node("Relu", new String[] {p + "up_out"}, new String[] {p + "act"})
          .node("MatMul", new String[] {p + "act", p + "down"}, new String[] {p + "down_out"})
          .node("Add", new String[] {p + "mid", p + "down_out"}, new String[] {p + "out"});
      x = p + "out";
    }
    onnx.floats("unembedding", gaussian(random, width * vocab, scale), width, vocab)
        .output("logits", OnnxWriter.FLOAT, 1L, "sequence", (long) vocab)
        .node("MatMul", new String[] {x, "unembedding"}, new String[] {"logits"});
    Path model = onnx.writeTo(dir.resolve("decoder-" + width + "-" + layers + "-" + vocab + ".onnx"));
    writeTokenizer(dir, vocab);
    return model;
  }

  private static void writeTokenizer(Path dir, int vocab) throws IOException {
    StringBuilder words = new StringBuilder("\"<eos>\": 0, \"<unk>\": 1");
    for (int i = 2; i < vocab; i++) {
      words.append(", \"w").append(i).append("\": ").append(i);
    }
    // one id past the logits: a stop token the model can never emit, so runs are not cut short
    words.append(", \"<never>\": ").append(vocab);
    Files.writeString(dir.resolve("tokenizer.json"), """
        {"version": "1.0", "truncation": null, "padding": null, "added_tokens": [
          {"id": 0, "content": "<eos>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
          {"id": %d, "content": "<never>", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true}],
         "normalizer": null, "pre_tokenizer": {"type": "Whitespace"}, "post_processor": null,
         "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": true},
         "model": {"type": "WordLevel", "vocab": {%s}, "unk_token": "<unk>"}}
        """.formatted(vocab, words));
  }

  private static float[] gaussian(Random random, int n, float scale) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) random.nextGaussian() * scale;
    }
    return values;
  }
}
