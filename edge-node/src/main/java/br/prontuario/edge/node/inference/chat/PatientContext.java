package br.prontuario.edge.node.inference.chat;

import java.util.List;
import java.util.UUID;

/** The slice of a patient's record a chat answer may draw from, and the notes it came from. */
record PatientContext(UUID patientId, String text, List<UUID> sourceNoteIds) {

  static PatientContext none() {
    return new PatientContext(null, "", List.of());
  }
}
