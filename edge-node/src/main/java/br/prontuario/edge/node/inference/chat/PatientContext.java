package br.prontuario.edge.node.inference.chat;

import java.util.List;
import java.util.UUID;

/** The slice of a patient's record a chat answer may draw from, and the notes in it. */
record PatientContext(UUID patientId, String text, List<ContextNote> notes) {

  /** A note given to the model (or to extraction), tagged {@code [nota <id>]} in {@link #text}. */
  record ContextNote(UUID id, String text) {}

  PatientContext {
    notes = List.copyOf(notes);
  }

  static PatientContext none() {
    return new PatientContext(null, "", List.of());
  }

  List<UUID> sourceNoteIds() {
    return notes.stream().map(ContextNote::id).toList();
  }

  List<String> noteIds() {
    return notes.stream().map(n -> n.id().toString()).toList();
  }
}
