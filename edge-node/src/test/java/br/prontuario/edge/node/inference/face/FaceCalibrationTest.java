package br.prontuario.edge.node.inference.face;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real detector, landmarks and embedder on real photos, at the default threshold: false
 * accepts and false rejects stay within the bounds docs/inference.md states.
 */
class FaceCalibrationTest {

  static final double THRESHOLD = Double.parseDouble(FaceProperties.DEFAULT_THRESHOLD);
  static FaceCalibration.Scores scores;

  @BeforeAll
  static void measure() throws Exception {
    scores = FaceCalibration.measure(RealFaces.recognizer(), RealFaces.calibrationPhotos());
    System.out.println(scores.table(0.25, 0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60));
  }

  @Test
  void findsTheFacesOfTheCalibrationPhotos() {
    assertThat(scores.faces()).isGreaterThanOrEqualTo(20);
  }

  @Test
  void falseAcceptsStayWithinTheDocumentedBoundAtTheDefaultThreshold() {
    assertThat(scores.impostor()).hasSizeGreaterThanOrEqualTo(200);
    assertThat(scores.falseAcceptRate(THRESHOLD)).isLessThanOrEqualTo(0.01);
  }

  @Test
  void falseRejectsOfAugmentedGenuinePairsStayWithinTheDocumentedBound() {
    assertThat(scores.genuine()).hasSizeGreaterThanOrEqualTo(150);
    assertThat(scores.falseRejectRate(THRESHOLD)).isLessThanOrEqualTo(0.03);
  }

  @Test
  void thePeopleWhoAppearInTwoPhotosAreFoundInBoth() {
    assertThat(scores.crossPhoto()).hasSize(FaceCalibration.SAME_PERSON.length);
  }
}
