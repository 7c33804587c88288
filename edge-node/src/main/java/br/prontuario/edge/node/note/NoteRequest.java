package br.prontuario.edge.node.note;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new note or the corrected content of one; free text is stored verbatim. */
record NoteRequest(@NotNull NoteType type, @NotBlank @Size(max = 100_000) String text) {}
