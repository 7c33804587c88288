package br.prontuario.edge.cloud.summary;

import java.time.OffsetDateTime;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** The current version of an allergy, problem or alert, with where it was written. */
public record ClinicalItem(UUID id, UUID rootId, int version, String origin, String recordedBy,
    OffsetDateTime recordedAt, JsonNode data) {

  public String text(String field) {
    JsonNode value = data.get(field);
    return value == null || value.isNull() ? "" : value.asString();
  }
}
