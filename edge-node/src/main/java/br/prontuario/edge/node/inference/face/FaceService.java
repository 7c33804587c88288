package br.prontuario.edge.node.inference.face;

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
import org.springframework.stereotype.Service;

/**
 * Face enrolment and verification. Crops are embedded and dropped; only AES-GCM-encrypted
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

  int enrol(String username, List<byte[]> crops) {
    FaceEmbedder embedder = embedder();
    if (crops == null || crops.size() < properties.minCrops() || crops.size() > properties.maxCrops()) {
      throw new FaceInputException("an enrolment needs " + properties.minCrops() + " to " + properties.maxCrops() + " face crops");
    }
    List<BufferedImage> images = new ArrayList<>();
    for (byte[] crop : crops) {
      images.add(CropDecoder.decode(crop, properties.maxCropBytes())
          .orElseThrow(() -> new FaceInputException("each crop must be a JPEG or PNG image of at most " + properties.maxCropBytes() + " bytes")));
    }
    List<byte[]> sealed = new ArrayList<>();
    for (BufferedImage image : images) {
      sealed.add(cipher.encrypt(gate.call(FaceModelLoader.NAME, () -> embedder.embed(image)), username));
    }
    embeddings.replaceAll(username, sealed, embedder.fingerprint());
    return sealed.size();
  }

  FaceVerification verify(String username, byte[] crop) {
    FaceEmbedder embedder = embedder();
    BufferedImage image = CropDecoder.decode(crop, properties.maxCropBytes())
        .orElseThrow(() -> new FaceInputException("the crop must be a JPEG or PNG image of at most " + properties.maxCropBytes() + " bytes"));
    List<byte[]> stored = embeddings.findAll(username, embedder.fingerprint());
    if (stored.isEmpty()) {
      return new FaceVerification.NotEnrolled();
    }
    float[] probe = gate.call(FaceModelLoader.NAME, () -> embedder.embed(image));
    double best = -1;
    for (byte[] sealed : stored) {
      best = Math.max(best, Embeddings.cosine(probe, decrypt(sealed, username)));
    }
    return best >= properties.threshold() ? new FaceVerification.Match(best) : new FaceVerification.NoMatch(best);
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

  private FaceEmbedder embedder() {
    if (cipher == null) {
      throw new ModelUnavailableException(new ModelStatus(FaceModelLoader.NAME, ModelState.MISSING,
          "no encryption key configured for biometric data"));
    }
    return registry.require(FaceModelLoader.NAME, FaceEmbedder.class);
  }
}
