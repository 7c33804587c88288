package br.prontuario.edge.cloud.note;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An emergency note; the types are edge-node's note types. */
record EmergencyNoteRequest(
    @NotNull @Pattern(regexp = "anamnese|evolucao|prescricao|exame-fisico|enfermagem")
    String type,
    @NotBlank @Size(max = 100_000) String text) {}
