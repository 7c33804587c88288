package br.prontuario.edge.node.inference.face;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures the real face pipeline on the calibration photos: every face found in them is one
 * identity; impostor scores are all pairs of different faces, genuine scores compare each face
 * with its own portraits under {@link Portraits#CHANGES}. A portrait where the face is not found
 * again scores −1 (a false reject at any threshold).
 * {@code FaceCalibrationTest} prints the table docs/inference.md shows.
 */
final class FaceCalibration {

  /**
   * People who appear in more than one calibration photo (the demo photos share models), judged by
   * eye: a point inside their face box in each photo (photo index, x, y in pixels). Pairs of them
   * are not impostors; they are reported as cross-photo genuine pairs.
   */
  static final int[][][] SAME_PERSON = {
      {{0, 1560, 320}, {2, 1230, 350}},
      {{3, 780, 190}, {5, 1300, 440}},
      {{0, 940, 540}, {3, 390, 320}}};

  record Scores(int faces, List<Double> impostor, List<Double> genuine, List<Double> crossPhoto) {

    double falseAcceptRate(double threshold) {
      return impostor.stream().filter(s -> s >= threshold).count() / (double) impostor.size();
    }

    double falseRejectRate(double threshold) {
      return genuine.stream().filter(s -> s < threshold).count() / (double) genuine.size();
    }

    String table(double... thresholds) {
      StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
          "%d faces, %d impostor pairs, %d augmented genuine pairs, cross-photo genuine %s%n"
              + "| threshold | false accepts | false rejects (augmented) | cross-photo pairs accepted |%n|---|---|---|---|%n",
          faces, impostor.size(), genuine.size(), crossPhoto));
      for (double t : thresholds) {
        table.append(String.format(Locale.ROOT, "| %.2f | %d (%.2f %%) | %d (%.2f %%) | %d of %d |%n", t,
            impostor.stream().filter(s -> s >= t).count(), 100 * falseAcceptRate(t),
            genuine.stream().filter(s -> s < t).count(), 100 * falseRejectRate(t),
            crossPhoto.stream().filter(s -> s >= t).count(), crossPhoto.size()));
      }
      return table.toString();
    }
  }

  private FaceCalibration() {}

  static Scores measure(FaceRecognizer recognizer, List<BufferedImage> photos) throws Exception {
    List<float[]> identities = new ArrayList<>();
    List<Integer> people = new ArrayList<>();
    List<Double> genuine = new ArrayList<>();
    for (int p = 0; p < photos.size(); p++) {
      BufferedImage photo = photos.get(p);
      for (FaceRecognizer.Face face : recognizer.faces(photo)) {
        identities.add(face.embedding());
        people.add(person(p, face.box(), identities.size()));
        for (Portraits.Change change : Portraits.CHANGES) {
          genuine.add(centralSimilarity(recognizer, Portraits.around(photo, face.box(), change), face.embedding()));
        }
      }
    }
    List<Double> impostor = new ArrayList<>();
    List<Double> crossPhoto = new ArrayList<>();
    for (int i = 0; i < identities.size(); i++) {
      for (int j = i + 1; j < identities.size(); j++) {
        double score = Embeddings.cosine(identities.get(i), identities.get(j));
        (people.get(i).equals(people.get(j)) ? crossPhoto : impostor).add(score);
      }
    }
    return new Scores(identities.size(), impostor, genuine, crossPhoto);
  }

  /** A {@link #SAME_PERSON} group's number (negative), else a number of this face alone. */
  private static int person(int photo, FaceDetector.Box box, int faceNumber) {
    for (int group = 0; group < SAME_PERSON.length; group++) {
      for (int[] seen : SAME_PERSON[group]) {
        if (seen[0] == photo && box.x1() <= seen[1] && seen[1] <= box.x2() && box.y1() <= seen[2] && seen[2] <= box.y2()) {
          return -1 - group;
        }
      }
    }
    return faceNumber;
  }

  /** The similarity of the face nearest the portrait's centre (neighbours may be in the frame). */
  static double centralSimilarity(FaceRecognizer recognizer, BufferedImage portrait, float[] reference) throws Exception {
    double centre = Portraits.SIDE / 2.0;
    FaceRecognizer.Face nearest = null;
    double nearestDistance = Double.MAX_VALUE;
    for (FaceRecognizer.Face face : recognizer.faces(portrait)) {
      double dx = (face.box().x1() + face.box().x2()) / 2 - centre;
      double dy = (face.box().y1() + face.box().y2()) / 2 - centre;
      double distance = Math.hypot(dx, dy);
      if (distance < nearestDistance) {
        nearest = face;
        nearestDistance = distance;
      }
    }
    return nearest == null || nearestDistance > Portraits.SIDE / 4.0 ? -1 : Embeddings.cosine(reference, nearest.embedding());
  }
}
