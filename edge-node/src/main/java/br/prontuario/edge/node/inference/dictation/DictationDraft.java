package br.prontuario.edge.node.inference.dictation;

import br.prontuario.edge.speech.Segment;
import java.util.List;
import java.util.UUID;

/**
 * A transcript handed back to the clinician as a DRAFT note: nothing is stored. It becomes part of
 * the record only when the clinician edits it and submits it as a note through the notes API.
 */
public record DictationDraft(
    String status,
    boolean saved,
    UUID patientId,
    String language,
    long durationMs,
    String text,
    List<Segment> segments) {

  static DictationDraft of(UUID patientId, String language, long durationMs, List<Segment> segments) {
    StringBuilder text = new StringBuilder();
    for (Segment segment : segments) {
      text.append(segment.text());
    }
    return new DictationDraft("DRAFT", false, patientId, language, durationMs, text.toString().strip(), List.copyOf(segments));
  }
}
