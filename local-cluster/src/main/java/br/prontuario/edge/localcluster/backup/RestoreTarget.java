package br.prontuario.edge.localcluster.backup;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.Instant;

/**
 * The moment to restore to, as operators type it: {@code YYYY-MM-DD HH:MM:SS} in UTC (the
 * cluster's {@code timezone}). Passed to PostgreSQL with an explicit {@code +00} so the scratch
 * server's own time zone cannot shift it.
 */
public record RestoreTarget(Instant instant) {

  private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  public static RestoreTarget parse(String text) {
    try {
      return new RestoreTarget(LocalDateTime.parse(text.strip(), TYPED).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--to must be \"YYYY-MM-DD HH:MM:SS\" (UTC), not \"" + text + "\"");
    }
  }

  /** recovery_target_time, to the microsecond (the restore drill marks sub-second points). */
  public String postgresTime() {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC)
        .format(instant) + "+00";
  }
}
