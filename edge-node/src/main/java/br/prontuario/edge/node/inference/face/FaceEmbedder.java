package br.prontuario.edge.node.inference.face;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/**
 * The face embedder ({@code fr_feature.onnx}, ArcFace style): an aligned 112×112 face as
 * {@code [1,3,112,112]} RGB {@code (v - 127.5) / 128}; out a 512-float embedding, L2-normalised
 * here so that a dot product is the cosine similarity.
 */
final class FaceEmbedder implements AutoCloseable {

  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;

  FaceEmbedder(Path model, OrtSession.SessionOptions options) throws OrtException {
    this.session = env.createSession(model.toString(), options);
    OnnxModels.requireInput(session, "input", new long[] {1, 3, FaceAligner.SIDE, FaceAligner.SIDE}, "face embedder");
  }

  float[] embed(BufferedImage aligned) throws OrtException {
    try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(Pixels.chw(aligned)),
            new long[] {1, 3, FaceAligner.SIDE, FaceAligner.SIDE});
        OrtSession.Result result = session.run(Map.of("input", input))) {
      FloatBuffer output = ((OnnxTensor) result.get(0)).getFloatBuffer();
      float[] embedding = new float[output.remaining()];
      output.get(embedding);
      return Embeddings.normalised(embedding);
    }
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
