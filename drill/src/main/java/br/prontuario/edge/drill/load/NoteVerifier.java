package br.prontuario.edge.drill.load;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads back every note of the drill's patients through the entry point, page by page, so each
 * acknowledged note id can be checked. A page that fails is retried until the deadline (the
 * cluster may still be settling); if it never answers the verification is incomplete, which is
 * not the same as "lost".
 */
public final class NoteVerifier {

  static final int PAGE = 200;

  private final EdgeApi api;
  private final Clock clock;
  private final Duration patience;

  public NoteVerifier(EdgeApi api, Clock clock, Duration patience) {
    this.api = api;
    this.clock = clock;
    this.patience = patience;
  }

  /** stored: every note read back, for counting writes stored twice ({@link DuplicateWrites}). */
  public record Verification(Set<String> foundNoteIds, List<StoredNote> stored, boolean complete,
      String problem) {}

  public Verification readBack(List<String> patientIds) {
    Instant deadline = clock.instant().plus(patience);
    Set<String> found = new HashSet<>();
    List<StoredNote> stored = new ArrayList<>();
    for (String patientId : patientIds) {
      String cursor = null;
      do {
        ApiResponse page = pageWithRetry(patientId, cursor, deadline);
        if (!page.ok()) {
          return new Verification(found, stored, false, "reading notes back failed with status "
              + page.status() + (page.error() == null ? "" : " (" + page.error() + ")"));
        }
        NotePage parsed = NotePage.of(page.body());
        found.addAll(parsed.ids());
        parsed.notes().forEach(n -> stored.add(new StoredNote(patientId, n.id(), n.text())));
        cursor = parsed.nextCursor();
      } while (cursor != null);
    }
    return new Verification(found, stored, true, null);
  }

  /**
   * Acknowledged ids the lists did not show, looked up one by one: a cloud acknowledgement whose
   * write the edge already held is kept once, as the edge's note, and the cloud's id still opens
   * it. Such an id counts as found when it opens a note that was read back.
   */
  public Verification followingMergedIds(Verification listed, List<AckedWrite> acked) {
    if (!listed.complete()) {
      return listed;
    }
    Set<String> found = new HashSet<>(listed.foundNoteIds());
    for (AckedWrite write : acked) {
      if (!found.contains(write.noteId())) {
        ApiResponse r = api.readNote(write.patientId(), write.noteId());
        if (r.ok() && listed.foundNoteIds().contains(r.text("id"))) {
          found.add(write.noteId());
        }
      }
    }
    return new Verification(found, listed.stored(), true, null);
  }

  private ApiResponse pageWithRetry(String patientId, String cursor, Instant deadline) {
    ApiResponse r = api.listNotes(patientId, PAGE, cursor);
    while (!r.ok() && clock.instant().isBefore(deadline)) {
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return r;
      }
      r = api.listNotes(patientId, PAGE, cursor);
    }
    return r;
  }

  /** One page of notes: a bare array, or an object with the items and the next cursor. */
  record NotePage(List<PageNote> notes, String nextCursor) {

    record PageNote(String id, String text) {}

    static NotePage of(JsonNode body) {
      JsonNode items = body.isArray() ? body : firstPresent(body, "items", "content", "notes", "data");
      List<PageNote> notes = items.isArray()
          ? items.values().stream().filter(n -> n.path("id").asString(null) != null)
              .map(n -> new PageNote(n.path("id").asString(), n.path("text").asString(null)))
              .toList()
          : List.of();
      List<String> ids = notes.stream().map(PageNote::id).toList();
      JsonNode next = firstPresent(body, "nextCursor", "next_cursor", "cursor", "next");
      String cursor = next.isString() && !next.asString().isBlank() && !ids.isEmpty()
          ? next.asString() : null;
      return new NotePage(notes, cursor);
    }

    List<String> ids() {
      return notes.stream().map(PageNote::id).toList();
    }

    private static JsonNode firstPresent(JsonNode body, String... names) {
      for (String name : names) {
        JsonNode node = body.path(name);
        if (!node.isMissingNode() && !node.isNull()) {
          return node;
        }
      }
      return body.path(names[0]);
    }
  }
}
