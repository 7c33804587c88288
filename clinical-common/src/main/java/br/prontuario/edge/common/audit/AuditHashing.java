package br.prontuario.edge.common.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** The one definition of a row's hash, used by both the writer and the verifier. */
public final class AuditHashing {

  /** The previous hash of the very first row. */
  public static final String GENESIS = "0".repeat(64);

  private AuditHashing() {}

  static String rowHash(long seq, Instant occurredAt, AuditEvent event, String prevHash) {
    StringBuilder content = new StringBuilder();
    field(content, Long.toString(seq));
    field(content, Long.toString(micros(occurredAt)));
    field(content, event.actor());
    field(content, event.role());
    field(content, event.action());
    field(content, event.patientId() == null ? null : event.patientId().toString());
    field(content, event.resourceId());
    field(content, event.correlationId());
    field(content, event.beforeHash());
    field(content, event.afterHash());
    field(content, prevHash);
    return sha256(content.toString());
  }

  public static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
  }

  // length-prefixed so that no two different rows can produce the same content string
  private static void field(StringBuilder content, String value) {
    if (value == null) {
      content.append("-1:");
    } else {
      content.append(value.length()).append(':').append(value);
    }
    content.append('|');
  }
}
