package br.prontuario.edge.node.inference.chat;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One decoder-only language model exported with onnx-community's names: {@code input_ids} (or
 * {@code inputs_embeds} from a separate {@link TokenEmbedder}, as MedGemma's export is split),
 * optional {@code attention_mask}/{@code position_ids}, {@code past_key_values.N.key/value} in and
 * {@code logits}, {@code present.N.key/value} out. External weights ({@code .onnx_data}) are read
 * by ONNX Runtime from the model's folder. Layer count, heads and head size come from the
 * model's own input shapes. The session is thread-safe; each generation has its own {@link KvCache}.
 */
final class OnnxDecoder implements AutoCloseable {

  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final int layers;
  private final long heads;
  private final long headDim;
  private final boolean takesMask;
  private final boolean takesPositions;
  private final TokenEmbedder embedder;

  /** {@code embedder} is required by, and only by, a decoder on {@code inputs_embeds}. */
  OnnxDecoder(Path model, TokenEmbedder embedder, int threads) throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(threads);
    this.session = env.createSession(model.toString(), options);
    Map<String, NodeInfo> inputs = session.getInputInfo();
    NodeInfo firstKey = inputs.get("past_key_values.0.key");
    boolean onEmbeddings = inputs.containsKey("inputs_embeds");
    if (firstKey == null || !(inputs.containsKey("input_ids") || onEmbeddings)) {
      session.close();
      throw new IllegalArgumentException("not a KV-cache decoder: needs input_ids (or inputs_embeds) and past_key_values.0.key");
    }
    if (onEmbeddings != (embedder != null)) {
      session.close();
      throw new IllegalArgumentException(onEmbeddings
          ? "this decoder takes inputs_embeds: pin its embed_tokens model as the 'embeddings' file"
          : "this decoder takes input_ids: it has no use for an 'embeddings' file");
    }
    this.embedder = embedder;
    long[] shape = ((TensorInfo) firstKey.getInfo()).getShape();
    this.heads = shape[1];
    this.headDim = shape[3];
    this.layers = (int) inputs.keySet().stream().filter(n -> n.startsWith("past_key_values.") && n.endsWith(".key")).count();
    this.takesMask = inputs.containsKey("attention_mask");
    this.takesPositions = inputs.containsKey("position_ids");
  }

  int layers() {
    return layers;
  }

  KvCache newCache() throws OrtException {
    return KvCache.empty(env, layers, heads, headDim);
  }

  /** Feeds {@code tokens} after what {@code cache} holds; returns the next-token logits. */
  float[] step(long[] tokens, KvCache cache) throws OrtException {
    long past = cache.length();
    long total = past + tokens.length;
    Map<String, OnnxTensor> feed = new HashMap<>();
    OrtSession.Result embeddings = null;
    try {
      if (embedder == null) {
        feed.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(tokens), new long[] {1, tokens.length}));
      } else {
        embeddings = embedder.embed(tokens);
      }
      if (takesMask) {
        long[] mask = new long[(int) total];
        java.util.Arrays.fill(mask, 1L);
        feed.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), new long[] {1, total}));
      }
      if (takesPositions) {
        long[] positions = new long[tokens.length];
        for (int i = 0; i < positions.length; i++) {
          positions[i] = past + i;
        }
        feed.put("position_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(positions), new long[] {1, tokens.length}));
      }
      Map<String, OnnxTensor> inputs = new HashMap<>(feed);
      if (embeddings != null) {
        inputs.put("inputs_embeds", (OnnxTensor) embeddings.get("inputs_embeds").orElseThrow());
      }
      inputs.putAll(cache.asInputs());
      OrtSession.Result result = session.run(inputs);
      float[] logits = lastRow((OnnxTensor) result.get("logits").orElseThrow());
      cache.advance(result, total);
      return logits;
    } finally {
      feed.values().forEach(OnnxValue::close);
      if (embeddings != null) {
        embeddings.close();
      }
    }
  }

  private static float[] lastRow(OnnxTensor logits) {
    long[] shape = logits.getInfo().getShape();
    int vocab = (int) shape[shape.length - 1];
    FloatBuffer buffer = logits.getFloatBuffer();
    float[] row = new float[vocab];
    buffer.position(buffer.limit() - vocab);
    buffer.get(row);
    return row;
  }

  @Override
  public void close() throws OrtException {
    session.close();
    if (embedder != null) {
      embedder.close();
    }
  }
}
