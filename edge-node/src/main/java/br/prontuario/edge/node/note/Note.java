package br.prontuario.edge.node.note;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One immutable version of a note; {@code replacesId} names the version it corrects. */
record Note(UUID id, UUID patientId, int version, UUID replacesId, NoteType type, String text,
    String author, String authorRole, OffsetDateTime recordedAt, UUID rootId) {}
