package br.prontuario.edge.node.inference.chat;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A sentence-embedding model (MiniLM-style encoder: {@code input_ids}, {@code attention_mask},
 * optional {@code token_type_ids} in, token states out, mean-pooled) that ranks a patient's notes
 * by similarity to the clinician's question, so the chat context holds the relevant notes rather
 * than only the latest ones.
 */
public final class NoteRanker implements AutoCloseable {

  private static final int MAX_TOKENS = 256;

  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean takesTokenTypes;

  NoteRanker(Path model, Path tokenizerJson, int threads) throws OrtException, IOException {
    this.tokenizer = HuggingFaceTokenizer.builder().optTokenizerPath(tokenizerJson)
        .optAddSpecialTokens(true).optTruncation(true).optMaxLength(MAX_TOKENS).build();
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(threads);
    this.session = env.createSession(model.toString(), options);
    if (!session.getInputNames().contains("input_ids") || !session.getInputNames().contains("attention_mask")) {
      session.close();
      tokenizer.close();
      throw new IllegalArgumentException("not a sentence encoder: needs input_ids and attention_mask");
    }
    this.takesTokenTypes = session.getInputNames().contains("token_type_ids");
  }

  /** Indices of {@code texts} from most to least similar to {@code query}, at most {@code limit}. */
  List<Integer> rank(String query, List<String> texts, int limit) throws OrtException {
    float[] q = embed(query);
    List<double[]> scored = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      scored.add(new double[] {i, dot(q, embed(texts.get(i)))});
    }
    scored.sort(Comparator.comparingDouble((double[] s) -> -s[1]));
    return IntStream.range(0, Math.min(limit, scored.size())).mapToObj(i -> (int) scored.get(i)[0]).toList();
  }

  float[] embed(String text) throws OrtException {
    Encoding encoding = tokenizer.encode(text);
    long[] ids = encoding.getIds();
    long[] mask = encoding.getAttentionMask();
    long[] shape = {1, ids.length};
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
      inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
      if (takesTokenTypes) {
        inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[ids.length]), shape));
      }
      try (OrtSession.Result result = session.run(inputs)) {
        float[][][] states = (float[][][]) result.get(0).getValue();
        return meanPooled(states[0], mask);
      }
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  private static float[] meanPooled(float[][] states, long[] mask) {
    float[] pooled = new float[states[0].length];
    int count = 0;
    for (int t = 0; t < states.length; t++) {
      if (mask[t] == 1) {
        count++;
        for (int d = 0; d < pooled.length; d++) {
          pooled[d] += states[t][d];
        }
      }
    }
    double norm = 0;
    for (int d = 0; d < pooled.length; d++) {
      pooled[d] /= Math.max(count, 1);
      norm += pooled[d] * pooled[d];
    }
    float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
    for (int d = 0; d < pooled.length; d++) {
      pooled[d] *= scale;
    }
    return pooled;
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  @Override
  public void close() throws OrtException {
    session.close();
    tokenizer.close();
  }
}
