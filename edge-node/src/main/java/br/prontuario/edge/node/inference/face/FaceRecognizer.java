package br.prontuario.edge.node.inference.face;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The "face" model: detector, 68-point landmarks and embedder. A photo is detected, each face
 * aligned to the embedder's template with its landmarks, then embedded.
 */
public final class FaceRecognizer implements AutoCloseable {

  private final FaceDetector detector;
  private final LandmarkLocator landmarks;
  private final FaceEmbedder embedder;
  private final String fingerprint;

  FaceRecognizer(Path detector, Path landmarks, Path embedder, String fingerprint, int threads) throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(threads);
    this.detector = new FaceDetector(detector, options);
    this.landmarks = new LandmarkLocator(landmarks, options);
    this.embedder = new FaceEmbedder(embedder, options);
    this.fingerprint = fingerprint;
  }

  /** The SHA-256 of the embedder: embeddings of different models are not comparable. */
  String fingerprint() {
    return fingerprint;
  }

  /** One face found in a photo: where, and its embedding. */
  record Face(FaceDetector.Box box, float[] embedding) {}

  /** A login or enrolment photo: usable only with exactly one face in it. */
  FaceReading read(BufferedImage photo) throws OrtException {
    List<Face> faces = faces(photo);
    return switch (faces.size()) {
      case 0 -> new FaceReading.NoFace();
      case 1 -> new FaceReading.OneFace(faces.get(0).embedding());
      default -> new FaceReading.SeveralFaces(faces.size());
    };
  }

  /** Every face of a photo whose landmarks could be placed (calibration uses group photos). */
  List<Face> faces(BufferedImage photo) throws OrtException {
    List<Face> faces = new ArrayList<>();
    for (FaceDetector.Box box : detector.detect(photo)) {
      double[] points = landmarks.locate(photo, box);
      if (points != null) {
        faces.add(new Face(box, embedder.embed(FaceAligner.align(photo, points))));
      }
    }
    return faces;
  }

  @Override
  public void close() throws OrtException {
    try (detector; landmarks; embedder) {
      // closes all three, even if one fails
    }
  }
}
