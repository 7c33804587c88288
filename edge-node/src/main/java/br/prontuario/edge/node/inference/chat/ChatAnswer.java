package br.prontuario.edge.node.inference.chat;

import java.util.List;
import java.util.UUID;

/**
 * An answer, how it was made ({@code GENERATED} by the chat model, or {@code EXTRACTIVE}: sentences
 * of the record picked by the retrieval model when no chat model is installed), the notes it cites
 * (each one a note of the patient that was in the context) apart from the notes it was given
 * ({@code context}), and the clinical decision-support disclaimer that must be shown with it.
 */
record ChatAnswer(
    String answer,
    Mode mode,
    Generation.StopReason stopReason,
    int tokens,
    UUID patientId,
    List<String> citations,
    List<String> context,
    String disclaimer) {

  enum Mode { GENERATED, EXTRACTIVE }
}
