package br.prontuario.edge.node.inference.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class EmbeddingCipherTest {

  final EmbeddingCipher cipher = new EmbeddingCipher(Base64.getEncoder().encodeToString(new byte[32]));
  final float[] embedding = {0.25f, -0.5f, 0.75f, 0.125f};

  @Test
  void decryptsWhatItEncryptedForTheSameUser() throws Exception {
    assertThat(cipher.decrypt(cipher.encrypt(embedding, "ana"), "ana")).containsExactly(embedding);
  }

  @Test
  void neverStoresTheEmbeddingInClearAndUsesAFreshNonceEachTime() {
    byte[] clear = Embeddings.toBytes(embedding);
    byte[] first = cipher.encrypt(embedding, "ana");
    byte[] second = cipher.encrypt(embedding, "ana");

    assertThat(first).isNotEqualTo(second);
    assertThat(new String(first, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain(new String(clear, java.nio.charset.StandardCharsets.ISO_8859_1));
  }

  @Test
  void refusesAnEmbeddingCopiedToAnotherUser() {
    byte[] anas = cipher.encrypt(embedding, "ana");

    assertThatThrownBy(() -> cipher.decrypt(anas, "bruno")).isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void refusesKeysOfTheWrongSize() {
    assertThatThrownBy(() -> new EmbeddingCipher(Base64.getEncoder().encodeToString(new byte[10])))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16, 24 or 32");
  }
}
