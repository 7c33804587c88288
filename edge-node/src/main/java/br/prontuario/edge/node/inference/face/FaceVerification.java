package br.prontuario.edge.node.inference.face;

/** The outcome of one face-login attempt. */
sealed interface FaceVerification {

  record Match(double similarity) implements FaceVerification {}

  record NoMatch(double bestSimilarity) implements FaceVerification {}

  record NotEnrolled() implements FaceVerification {}
}
