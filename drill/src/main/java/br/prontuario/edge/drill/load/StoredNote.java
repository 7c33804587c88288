package br.prontuario.edge.drill.load;

/** A note as read back: whose, which, and its text (it carries the write's sequence number). */
public record StoredNote(String patientId, String noteId, String text) {}
