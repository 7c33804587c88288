package br.prontuario.edge.cloud.failback;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finds where the cloud's audit chain left the edge's: the highest sequence number whose hash is
 * the same on both sides. Hashes chain, so everything up to it is the shared history and
 * everything after it on the cloud was written there.
 */
final class ForkAudit {

  private static final int PAGE = 500;

  private ForkAudit() {}

  static long forkSeq(JdbcTemplate cloud, JdbcTemplate edge) {
    Long top = cloud.queryForObject("SELECT coalesce(max(seq), 0) FROM audit_log", Long.class);
    long upper = top == null ? 0 : top;
    while (upper > 0) {
      long lower = Math.max(0, upper - PAGE);
      List<String> cloudHashes = hashes(cloud, lower, upper);
      List<String> edgeHashes = hashes(edge, lower, upper);
      for (long seq = upper; seq > lower; seq--) {
        int index = (int) (seq - lower - 1);
        String mine = index < cloudHashes.size() ? cloudHashes.get(index) : null;
        String theirs = index < edgeHashes.size() ? edgeHashes.get(index) : null;
        if (mine != null && mine.equals(theirs)) {
          return seq;
        }
      }
      upper = lower;
    }
    return 0;
  }

  /**
   * This emergency's identity, the same for every merge of it and new for the next one: derived
   * from the first audit event the cloud wrote after the fork (its hash chains the fork and
   * everything before it), or from the fork's own hash when the cloud wrote nothing. A re-seeded
   * cloud copies the edge, so the next emergency forks later and gets another id.
   */
  static UUID forkId(JdbcTemplate cloud, long forkSeq) {
    List<String> first = cloud.queryForList("SELECT hash FROM audit_log WHERE seq > ?"
        + " ORDER BY seq LIMIT 1", String.class, forkSeq);
    List<String> fork = first.isEmpty() ? cloud.queryForList("SELECT hash FROM audit_log"
        + " WHERE seq = ?", String.class, forkSeq) : first;
    String seed = "cloud-fork:" + forkSeq + ":" + (fork.isEmpty() ? "" : fork.get(0));
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
  }

  /** Hashes of seq in (lower, upper], by position; sequence numbers have no gaps. */
  private static List<String> hashes(JdbcTemplate jdbc, long lower, long upper) {
    return jdbc.queryForList("SELECT hash FROM audit_log WHERE seq > ? AND seq <= ? ORDER BY seq",
        String.class, lower, upper);
  }
}
