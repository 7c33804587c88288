package br.prontuario.edge.common.web;

import br.prontuario.edge.common.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/** An opaque keyset-pagination position: a sort key and the id of the last item returned. */
public record Cursor(String key, UUID id) {

  public String encode() {
    String raw = key + "\n" + id;
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** Null for the first page; 400 for a cursor this API did not make. */
  public static Cursor decode(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int split = raw.lastIndexOf('\n');
      return new Cursor(raw.substring(0, split), UUID.fromString(raw.substring(split + 1)));
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw invalid();
    }
  }

  /** The key of a list ordered by time; 400 if a decodable cursor carries something else. */
  public OffsetDateTime time() {
    try {
      return OffsetDateTime.parse(key);
    } catch (DateTimeParseException e) {
      throw invalid();
    }
  }

  private static ApiProblem invalid() {
    return ApiProblem.badRequest("The cursor is not valid.");
  }
}
