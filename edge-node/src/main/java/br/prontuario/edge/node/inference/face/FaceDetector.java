package br.prontuario.edge.node.inference.face;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The face detector ({@code fr_detect.onnx}, an Ultra-Light RFB-320): the whole photo resized to
 * {@code [1,3,240,320]}; outputs {@code scores [1,N,2]} (background, face) and {@code boxes [1,N,4]}
 * (corners, relative to the image). Boxes above {@link #MIN_SCORE} go through non-maximum
 * suppression and come back in photo pixels.
 */
final class FaceDetector implements AutoCloseable {

  static final int WIDTH = 320;
  static final int HEIGHT = 240;
  static final float MIN_SCORE = 0.7f;
  private static final double MAX_OVERLAP = 0.4;

  /** A detected face, in photo pixels. */
  record Box(double x1, double y1, double x2, double y2, float score) {
    double width() {
      return x2 - x1;
    }

    double height() {
      return y2 - y1;
    }

    double iou(Box other) {
      double w = Math.max(0, Math.min(x2, other.x2) - Math.max(x1, other.x1));
      double h = Math.max(0, Math.min(y2, other.y2) - Math.max(y1, other.y1));
      double intersection = w * h;
      return intersection / (width() * height() + other.width() * other.height() - intersection);
    }
  }

  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;

  FaceDetector(Path model, OrtSession.SessionOptions options) throws OrtException {
    this.session = env.createSession(model.toString(), options);
    OnnxModels.requireInput(session, "input", new long[] {1, 3, HEIGHT, WIDTH}, "face detector");
  }

  List<Box> detect(BufferedImage photo) throws OrtException {
    float[] input = Pixels.chw(Pixels.resize(photo, WIDTH, HEIGHT));
    try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, 3, HEIGHT, WIDTH});
        OrtSession.Result result = session.run(Map.of("input", tensor))) {
      FloatBuffer scores = ((OnnxTensor) result.get("scores").orElseThrow()).getFloatBuffer();
      FloatBuffer boxes = ((OnnxTensor) result.get("boxes").orElseThrow()).getFloatBuffer();
      List<Box> candidates = new ArrayList<>();
      for (int i = 0; i < scores.limit() / 2; i++) {
        float score = scores.get(2 * i + 1);
        if (score >= MIN_SCORE) {
          candidates.add(new Box(boxes.get(4 * i) * photo.getWidth(), boxes.get(4 * i + 1) * photo.getHeight(),
              boxes.get(4 * i + 2) * photo.getWidth(), boxes.get(4 * i + 3) * photo.getHeight(), score));
        }
      }
      return suppressOverlaps(candidates);
    }
  }

  private static List<Box> suppressOverlaps(List<Box> candidates) {
    candidates.sort(Comparator.comparingDouble(Box::score).reversed());
    List<Box> kept = new ArrayList<>();
    for (Box candidate : candidates) {
      if (candidate.width() > 0 && candidate.height() > 0 && kept.stream().allMatch(k -> k.iou(candidate) < MAX_OVERLAP)) {
        kept.add(candidate);
      }
    }
    return kept;
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
