package br.prontuario.edge.node.inference.face;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.util.Arrays;

/** Checks that a loaded model has the input layout the code feeds it, so a wrong file fails at load. */
final class OnnxModels {

  private OnnxModels() {}

  static void requireInput(OrtSession session, String name, long[] shape, String what) throws OrtException {
    NodeInfo input = session.getInputInfo().get(name);
    long[] actual = input == null || !(input.getInfo() instanceof TensorInfo info) ? null : info.getShape();
    if (actual == null || !Arrays.equals(actual, shape)) {
      String found = String.valueOf(session.getInputNames());
      session.close();
      throw new IllegalArgumentException("not the " + what + ": needs input '" + name + "' " + Arrays.toString(shape)
          + ", the file has " + found);
    }
  }
}
