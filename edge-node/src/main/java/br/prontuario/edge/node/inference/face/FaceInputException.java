package br.prontuario.edge.node.inference.face;

/** A client sent photos that cannot be read (too few, too many, not an image): 400. */
public final class FaceInputException extends RuntimeException {

  public FaceInputException(String message) {
    super(message);
  }
}
