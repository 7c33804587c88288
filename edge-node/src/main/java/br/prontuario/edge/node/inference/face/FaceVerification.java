package br.prontuario.edge.node.inference.face;

import java.time.Duration;

/** The outcome of one face-login attempt. */
sealed interface FaceVerification {

  record Match(double similarity) implements FaceVerification {}

  record NoMatch(double bestSimilarity) implements FaceVerification {}

  record NotEnrolled() implements FaceVerification {}

  record TooManyAttempts(Duration retryAfter) implements FaceVerification {}
}
