package br.prontuario.edge.node.inference.onnx;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A decoder with onnx-community KV-cache names that echoes its prompt: step k of generation emits
 * prompt token k. Its one-layer, one-head cache holds (token id, "was generated") per position;
 * the next token is the cached token at index = number of generated positions. A chat test built
 * on it fails if the patient's record never reaches the prompt.
 */
public final class EchoDecoder {

  private EchoDecoder() {}

  public static Path write(Path dir, int vocab) throws IOException {
    OnnxWriter onnx = new OnnxWriter()
        .input("input_ids", OnnxWriter.INT64, 1L, "sequence")
        .node("Cast", new String[] {"input_ids"}, new String[] {"ids"}, "to", (long) OnnxWriter.FLOAT);
    return echo(onnx, vocab).writeTo(dir.resolve("echo.onnx"));
  }

  /**
   * The same echo split the way MedGemma's export is: {@link #embeddings} turns ids into
   * {@code inputs_embeds} (width 1: the id as a float) and this decoder takes those.
   */
  public static Path writeOnEmbeddings(Path dir, int vocab) throws IOException {
    OnnxWriter onnx = new OnnxWriter()
        .input("inputs_embeds", OnnxWriter.FLOAT, 1L, "sequence", 1L)
        .longs("row_shape", new long[] {1, -1}, 2)
        .node("Reshape", new String[] {"inputs_embeds", "row_shape"}, new String[] {"ids"});
    return echo(onnx, vocab).writeTo(dir.resolve("decoder_model_merged.onnx"));
  }

  /** {@code embed_tokens.onnx} for {@link #writeOnEmbeddings}: id i → [i]. */
  public static Path embeddings(Path dir, int vocab) throws IOException {
    float[] table = new float[vocab];
    for (int i = 0; i < vocab; i++) {
      table[i] = i;
    }
    return new OnnxWriter()
        .input("input_ids", OnnxWriter.INT64, 1L, "sequence")
        .output("inputs_embeds", OnnxWriter.FLOAT, 1L, "sequence", 1L)
        .floats("table", table, vocab, 1)
        .node("Gather", new String[] {"table", "input_ids"}, new String[] {"inputs_embeds"}, "axis", 0L)
        .writeTo(dir.resolve("embed_tokens.onnx"));
  }

  /** The graph from float ids {@code ids [1, S]} on. */
  private static OnnxWriter echo(OnnxWriter onnx, int vocab) {
    return onnx
        .input("past_key_values.0.key", OnnxWriter.FLOAT, 1L, 1L, "past", 2L)
        .input("past_key_values.0.value", OnnxWriter.FLOAT, 1L, 1L, "past", 2L)
        .output("logits", OnnxWriter.FLOAT, 1L, 1L, (long) vocab)
        .output("present.0.key", OnnxWriter.FLOAT, 1L, 1L, "total", 2L)
        .output("present.0.value", OnnxWriter.FLOAT, 1L, 1L, "total", 2L)
        .longs("one", new long[] {1})
        .longs("two", new long[] {2})
        .longs("zero_index", new long[] {0})
        .longs("column_shape", new long[] {1, 1, -1, 1}, 4)
        .longs("flat", new long[] {-1}, 1)
        .longs("depth", new long[] {vocab})
        .floats("zero", new float[] {0f})
        .floats("hot", new float[] {0f, 10f}, 2)
        .longs("logits_shape", new long[] {1, 1, vocab}, 3)
        // this call's positions: (token id, 1 if one token was fed i.e. generated, else 0)
        .node("Shape", new String[] {"ids"}, new String[] {"input_shape"})
        .node("Gather", new String[] {"input_shape", "one"}, new String[] {"sequence"}, "axis", 0L)
        .node("Less", new String[] {"sequence", "two"}, new String[] {"single"})
        .node("Cast", new String[] {"single"}, new String[] {"generated"}, "to", (long) OnnxWriter.FLOAT)
        .node("Mul", new String[] {"ids", "zero"}, new String[] {"zeros"})
        .node("Add", new String[] {"zeros", "generated"}, new String[] {"flags"})
        .node("Reshape", new String[] {"ids", "column_shape"}, new String[] {"id_column"})
        .node("Reshape", new String[] {"flags", "column_shape"}, new String[] {"flag_column"})
        .node("Concat", new String[] {"id_column", "flag_column"}, new String[] {"new"}, "axis", 3L)
        .node("Concat", new String[] {"past_key_values.0.key", "new"}, new String[] {"present.0.key"}, "axis", 2L)
        .node("Identity", new String[] {"present.0.key"}, new String[] {"present.0.value"})
        // next token: the cached id at index = how many generated positions the cache holds
        .node("Gather", new String[] {"present.0.key", "one"}, new String[] {"all_flags"}, "axis", 3L)
        .node("ReduceSum", new String[] {"all_flags"}, new String[] {"count"}, "keepdims", 0L)
        .node("Cast", new String[] {"count"}, new String[] {"index_scalar"}, "to", (long) OnnxWriter.INT64)
        .node("Reshape", new String[] {"index_scalar", "flat"}, new String[] {"index"})
        .node("Gather", new String[] {"present.0.key", "zero_index"}, new String[] {"all_ids"}, "axis", 3L)
        .node("Reshape", new String[] {"all_ids", "flat"}, new String[] {"id_list"})
        .node("Gather", new String[] {"id_list", "index"}, new String[] {"next_float"}, "axis", 0L)
        .node("Cast", new String[] {"next_float"}, new String[] {"next"}, "to", (long) OnnxWriter.INT64)
        .node("OneHot", new String[] {"next", "depth", "hot"}, new String[] {"one_hot"})
        .node("Reshape", new String[] {"one_hot", "logits_shape"}, new String[] {"logits"});
  }
}
