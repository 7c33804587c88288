package br.prontuario.edge.node.inference.face;

import br.prontuario.edge.common.problem.ApiProblem;
import br.prontuario.edge.node.inference.model.InferenceGate;
import br.prontuario.edge.node.inference.model.ModelRegistry;
import br.prontuario.edge.node.inference.model.ModelState;
import br.prontuario.edge.node.inference.model.ModelStatus;
import br.prontuario.edge.node.inference.model.ModelUnavailableException;
import java.awt.image.BufferedImage;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Face enrolment and verification. Photos are embedded and dropped; only AES-GCM-encrypted
 * embeddings tagged with the model's checksum are stored.
 */
@Service
class FaceService {

  private static final Logger log = LoggerFactory.getLogger(FaceService.class);

  private final ModelRegistry registry;
  private final InferenceGate gate;
  private final FaceEmbeddingRepository embeddings;
  private final FaceProperties properties;
  private final EmbeddingCipher cipher;

  FaceService(ModelRegistry registry, InferenceGate gate, FaceEmbeddingRepository embeddings, FaceProperties properties) {
    this.registry = registry;
    this.gate = gate;
    this.embeddings = embeddings;
    this.properties = properties;
    this.cipher = properties.encryptionKey() == null || properties.encryptionKey().isBlank()
        ? null : new EmbeddingCipher(properties.encryptionKey());
    if (cipher == null) {
      log.warn("edge.inference.face.encryption-key not set: face login is off");
    }
  }

  int enrol(String username, List<byte[]> photos) {
    FaceRecognizer recognizer = recognizer();
    if (photos == null || photos.size() < properties.minPhotos() || photos.size() > properties.maxPhotos()) {
      throw ApiProblem.badRequest("an enrolment needs " + properties.minPhotos() + " to " + properties.maxPhotos() + " photos");
    }
    List<BufferedImage> images = new ArrayList<>();
    for (byte[] photo : photos) {
      images.add(decode(photo));
    }
    List<byte[]> sealed = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      sealed.add(cipher.encrypt(oneFace(recognizer, images.get(i), images.size() > 1 ? "photo " + (i + 1) : "the photo"), username));
    }
    embeddings.replaceAll(username, sealed, recognizer.fingerprint());
    return sealed.size();
  }

  FaceVerification verify(String username, byte[] photo) {
    FaceRecognizer recognizer = recognizer();
    BufferedImage image = decode(photo);
    List<byte[]> stored = embeddings.findAll(username, recognizer.fingerprint());
    float[] probe = oneFace(recognizer, image, "the photo");
    if (stored.isEmpty()) {
      return new FaceVerification.NotEnrolled();
    }
    double best = -1;
    for (byte[] sealed : stored) {
      best = Math.max(best, Embeddings.cosine(probe, decrypt(sealed, username)));
    }
    return best >= properties.threshold() ? new FaceVerification.Match(best) : new FaceVerification.NoMatch(best);
  }

  /** A readable photo without exactly one face: the client's to fix, so 422 saying what to change. */
  private static ApiProblem unusable(String detail) {
    return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Unusable photo", detail);
  }

  private BufferedImage decode(byte[] photo) {
    return PhotoDecoder.decode(photo, properties.maxPhotoBytes()).orElseThrow(() -> ApiProblem.badRequest(
        "each photo must be a JPEG or PNG image of at most " + properties.maxPhotoBytes() + " bytes and 2048 pixels a side"));
  }

  /** The embedding of the one face in the photo; none or several is the client's to fix (422). */
  private float[] oneFace(FaceRecognizer recognizer, BufferedImage image, String which) {
    FaceReading reading = gate.call(FaceModelLoader.NAME, () -> recognizer.read(image));
    if (reading instanceof FaceReading.OneFace one) {
      return one.embedding();
    }
    if (reading instanceof FaceReading.SeveralFaces several) {
      throw unusable(
          several.count() + " faces found in " + which + "; only the person logging in may be in the photo");
    }
    throw unusable(
        "no face found in " + which + "; take it facing the camera, in good light, with the whole face in the frame");
  }

  int forget(String username) {
    return embeddings.deleteAll(username);
  }

  int enrolledCount(String username) {
    return embeddings.count(username);
  }

  private float[] decrypt(byte[] sealed, String username) {
    try {
      return cipher.decrypt(sealed, username);
    } catch (GeneralSecurityException e) {
      // a row that does not decrypt was tampered with or the key changed: it never matches
      log.warn("a stored face embedding failed authentication and was ignored");
      return new float[0];
    }
  }

  private FaceRecognizer recognizer() {
    if (cipher == null) {
      throw new ModelUnavailableException(new ModelStatus(FaceModelLoader.NAME, ModelState.MISSING,
          "no encryption key configured for biometric data"));
    }
    return registry.require(FaceModelLoader.NAME, FaceRecognizer.class);
  }
}
