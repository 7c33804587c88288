package br.prontuario.edge.node.inference.chat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * The attention keys and values of one generation so far. The first step starts from empty
 * {@code [1, heads, 0, headDim]} tensors; after each step the model's {@code present.N.*} outputs
 * become the next {@code past_key_values.N.*} inputs and the previous step's tensors are freed.
 */
final class KvCache implements AutoCloseable {

  private final int layers;
  private Map<String, OnnxTensor> past;
  private OrtSession.Result holder;
  private long length;

  private KvCache(int layers, Map<String, OnnxTensor> empty) {
    this.layers = layers;
    this.past = empty;
  }

  static KvCache empty(OrtEnvironment env, int layers, long heads, long headDim) throws OrtException {
    Map<String, OnnxTensor> empty = new HashMap<>();
    for (int layer = 0; layer < layers; layer++) {
      for (String kind : new String[] {"key", "value"}) {
        empty.put(inputName(layer, kind),
            OnnxTensor.createTensor(env, FloatBuffer.allocate(0), new long[] {1, heads, 0, headDim}));
      }
    }
    return new KvCache(layers, empty);
  }

  long length() {
    return length;
  }

  Map<String, OnnxTensor> asInputs() {
    return past;
  }

  void advance(OrtSession.Result result, long newLength) {
    Map<String, OnnxTensor> next = new HashMap<>();
    for (int layer = 0; layer < layers; layer++) {
      for (String kind : new String[] {"key", "value"}) {
        String output = "present." + layer + "." + kind;
        next.put(inputName(layer, kind), (OnnxTensor) result.get(output)
            .orElseThrow(() -> new IllegalStateException("decoder has no output " + output)));
      }
    }
    close();
    past = next;
    holder = result;
    length = newLength;
  }

  private static String inputName(int layer, String kind) {
    return "past_key_values." + layer + "." + kind;
  }

  @Override
  public void close() {
    if (holder != null) {
      holder.close();
    } else {
      past.values().forEach(OnnxTensor::close);
    }
  }
}
