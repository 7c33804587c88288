package br.prontuario.edge.node.inference.face;

/** What a photo gave: exactly one face's embedding, or why it cannot be used. */
sealed interface FaceReading {

  record OneFace(float[] embedding) implements FaceReading {}

  record NoFace() implements FaceReading {}

  record SeveralFaces(int count) implements FaceReading {}
}
