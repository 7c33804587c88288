package br.prontuario.edge.node.inference.face;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM for face embeddings at rest. Each value gets a fresh 96-bit nonce (stored in front of the
 * ciphertext) and the username as associated data, so a row copied to another user fails to decrypt.
 */
final class EmbeddingCipher {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  EmbeddingCipher(String base64Key) {
    byte[] raw = Base64.getDecoder().decode(base64Key);
    if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
      throw new IllegalArgumentException("edge.inference.face.encryption-key must be 16, 24 or 32 bytes (base64)");
    }
    this.key = new SecretKeySpec(raw, "AES");
  }

  byte[] encrypt(float[] embedding, String username) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(username.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(Embeddings.toBytes(embedding));
      return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  /** The embedding, or throws if the value was tampered with or belongs to another user. */
  float[] decrypt(byte[] stored, String username) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
    cipher.updateAAD(username.getBytes(StandardCharsets.UTF_8));
    return Embeddings.fromBytes(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES));
  }
}
