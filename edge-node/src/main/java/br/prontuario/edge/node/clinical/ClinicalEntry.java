package br.prontuario.edge.node.clinical;

import java.time.OffsetDateTime;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** One immutable version of a clinical record; {@code replacesId} names the version it corrects. */
record ClinicalEntry(UUID id, UUID patientId, String kind, int version, UUID replacesId,
    String recordedBy, OffsetDateTime recordedAt, JsonNode data, UUID rootId) {}
