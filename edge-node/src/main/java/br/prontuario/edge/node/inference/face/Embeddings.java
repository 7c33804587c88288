package br.prontuario.edge.node.inference.face;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Vector helpers for face embeddings. */
final class Embeddings {

  private Embeddings() {}

  static float[] normalised(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = norm == 0 ? 0 : (float) (v[i] / norm);
    }
    return out;
  }

  /** Cosine similarity of two L2-normalised vectors; -1 when their sizes differ (another model). */
  static double cosine(float[] a, float[] b) {
    if (a.length != b.length) {
      return -1;
    }
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }

  static byte[] toBytes(float[] v) {
    ByteBuffer buffer = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float x : v) {
      buffer.putFloat(x);
    }
    return buffer.array();
  }

  static float[] fromBytes(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    float[] v = new float[bytes.length / 4];
    for (int i = 0; i < v.length; i++) {
      v[i] = buffer.getFloat();
    }
    return v;
  }
}
