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
 * The 68-point landmark model ({@code fr_landmark.onnx}): a square crop around the detected face
 * (side = the box's height, as the package's own code does), grey {@code [1,1,64,64]} in [0, 1);
 * out {@code [1,136]}: x, y of each point relative to the crop, returned here in photo pixels.
 */
final class LandmarkLocator implements AutoCloseable {

  static final int SIDE = 64;
  static final int POINTS = 68;

  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;

  LandmarkLocator(Path model, OrtSession.SessionOptions options) throws OrtException {
    this.session = env.createSession(model.toString(), options);
    OnnxModels.requireInput(session, "input", new long[] {1, 1, SIDE, SIDE}, "68-point landmark model");
  }

  /** {@code [x0, y0, x1, y1, …]} for the 68 points, in photo pixels. */
  double[] locate(BufferedImage photo, FaceDetector.Box face) throws OrtException {
    double side = face.height();
    double cx = (face.x1() + face.x2()) / 2;
    double cy = (face.y1() + face.y2()) / 2;
    int x1 = (int) Math.max(0, cx - side / 2);
    int y1 = (int) Math.max(0, cy - side / 2);
    int x2 = (int) Math.min(photo.getWidth() - 1, cx + side / 2);
    int y2 = (int) Math.min(photo.getHeight() - 1, cy + side / 2);
    if (x2 - x1 < 8 || y2 - y1 < 8) {
      return null;
    }
    BufferedImage crop = Pixels.resize(Pixels.rgb(photo).getSubimage(x1, y1, x2 - x1, y2 - y1), SIDE, SIDE);
    try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(Pixels.grey(crop)), new long[] {1, 1, SIDE, SIDE});
        OrtSession.Result result = session.run(Map.of("input", tensor))) {
      FloatBuffer relative = ((OnnxTensor) result.get(0)).getFloatBuffer();
      double[] points = new double[2 * POINTS];
      for (int i = 0; i < POINTS; i++) {
        points[2 * i] = x1 + relative.get(2 * i) * (x2 - x1);
        points[2 * i + 1] = y1 + relative.get(2 * i + 1) * (y2 - y1);
      }
      return points;
    }
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
