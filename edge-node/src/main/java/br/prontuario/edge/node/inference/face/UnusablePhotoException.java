package br.prontuario.edge.node.inference.face;

/** A well-formed photo in which no face, or more than one, was found: 422 with what to change. */
public final class UnusablePhotoException extends RuntimeException {

  public UnusablePhotoException(String message) {
    super(message);
  }
}
