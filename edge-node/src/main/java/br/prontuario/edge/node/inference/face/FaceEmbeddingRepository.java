package br.prontuario.edge.node.inference.face;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Encrypted face embeddings by username; the only biometric data kept, and deletable. */
@Repository
class FaceEmbeddingRepository {

  private final JdbcClient jdbc;

  FaceEmbeddingRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A new enrolment replaces the previous one whole. */
  @Transactional
  void replaceAll(String username, List<byte[]> ciphertexts, String modelSha256) {
    deleteAll(username);
    for (byte[] ciphertext : ciphertexts) {
      jdbc.sql("INSERT INTO face_embedding (id, username, ciphertext, model_sha256) VALUES (?, ?, ?, ?)")
          .params(UUID.randomUUID(), username, ciphertext, modelSha256)
          .update();
    }
  }

  List<byte[]> findAll(String username, String modelSha256) {
    return jdbc.sql("SELECT ciphertext FROM face_embedding WHERE username = ? AND model_sha256 = ?")
        .params(username, modelSha256)
        .query((rs, row) -> rs.getBytes(1))
        .list();
  }

  int count(String username) {
    return jdbc.sql("SELECT count(*) FROM face_embedding WHERE username = ?").param(username).query(Integer.class).single();
  }

  int deleteAll(String username) {
    return jdbc.sql("DELETE FROM face_embedding WHERE username = ?").param(username).update();
  }
}
