package br.prontuario.edge.node.inference.face;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/**
 * A face-embedding model (FaceNet/ArcFace style: one {@code [1,3,H,W]} input, one embedding out).
 * Crops are resized to the model's input, normalised as {@code (x - 127.5) / 128} and the output
 * is L2-normalised so that a dot product is the cosine similarity.
 */
public final class FaceEmbedder implements AutoCloseable {

  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final String inputName;
  private final int height;
  private final int width;
  private final String fingerprint;

  FaceEmbedder(Path model, String fingerprint, int threads) throws OrtException {
    this.fingerprint = fingerprint;
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(threads);
    this.session = env.createSession(model.toString(), options);
    Map.Entry<String, NodeInfo> input = session.getInputInfo().entrySet().iterator().next();
    long[] shape = ((TensorInfo) input.getValue().getInfo()).getShape();
    if (shape.length != 4 || shape[1] != 3 || shape[2] <= 0 || shape[3] <= 0) {
      session.close();
      throw new IllegalArgumentException("not a face-embedding model: input must be [1,3,H,W]");
    }
    this.inputName = input.getKey();
    this.height = (int) shape[2];
    this.width = (int) shape[3];
  }

  /** The SHA-256 of the model file: embeddings of different models are not comparable. */
  String fingerprint() {
    return fingerprint;
  }

  float[] embed(BufferedImage crop) throws OrtException {
    float[] chw = toChw(resize(crop));
    try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(chw), new long[] {1, 3, height, width});
        OrtSession.Result result = session.run(Map.of(inputName, input))) {
      FloatBuffer output = ((OnnxTensor) result.get(0)).getFloatBuffer();
      float[] embedding = new float[output.remaining()];
      output.get(embedding);
      return Embeddings.normalised(embedding);
    }
  }

  private BufferedImage resize(BufferedImage crop) {
    BufferedImage resized = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = resized.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(crop, 0, 0, width, height, null);
    g.dispose();
    return resized;
  }

  private float[] toChw(BufferedImage image) {
    float[] chw = new float[3 * height * width];
    int plane = height * width;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int rgb = image.getRGB(x, y);
        int at = y * width + x;
        chw[at] = (((rgb >> 16) & 0xff) - 127.5f) / 128f;
        chw[plane + at] = (((rgb >> 8) & 0xff) - 127.5f) / 128f;
        chw[2 * plane + at] = ((rgb & 0xff) - 127.5f) / 128f;
      }
    }
    return chw;
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
