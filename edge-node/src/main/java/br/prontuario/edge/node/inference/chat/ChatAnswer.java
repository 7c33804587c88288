package br.prontuario.edge.node.inference.chat;

import java.util.List;
import java.util.UUID;

/**
 * A generated answer with the note ids of the record it was grounded in and the clinical
 * decision-support disclaimer that must be shown with it.
 */
record ChatAnswer(
    String answer,
    Generation.StopReason stopReason,
    int tokens,
    UUID patientId,
    List<UUID> sourceNoteIds,
    String disclaimer) {}
