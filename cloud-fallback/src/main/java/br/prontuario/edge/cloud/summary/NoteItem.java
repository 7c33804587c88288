package br.prontuario.edge.cloud.summary;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The current version of a clinical note. */
public record NoteItem(UUID id, String type, String text, String author, String origin,
    OffsetDateTime recordedAt) {}
