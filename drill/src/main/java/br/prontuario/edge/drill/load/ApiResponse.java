package br.prontuario.edge.drill.load;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * An HTTP answer, or status 0 with the transport error when none came; {@code emergency} when the
 * cloud's emergency deployment answered ({@code X-Service-Mode: emergency}); {@code servedBy} the
 * edge-node that answered ({@code X-Edge-Node}), null when none said; {@code replayed} when it
 * replayed an earlier write's answer ({@code Idempotent-Replayed}).
 */
public record ApiResponse(int status, JsonNode body, String error, boolean emergency,
    String servedBy, boolean replayed) {

  public ApiResponse(int status, JsonNode body, String error, boolean emergency) {
    this(status, body, error, emergency, null, false);
  }

  public ApiResponse(int status, JsonNode body, String error) {
    this(status, body, error, false);
  }

  static ApiResponse noAnswer(String error) {
    return new ApiResponse(0, MissingNode.getInstance(), error);
  }

  public boolean ok() {
    return status >= 200 && status < 300;
  }

  /** The id of what a POST created: edge-node answers the record, the cloud {"note": record}. */
  public String createdId() {
    String id = text("id");
    if (id != null) {
      return id;
    }
    JsonNode nested = body.path("note").path("id");
    return nested.isString() ? nested.asString() : null;
  }

  public String text(String field) {
    JsonNode node = body.path(field);
    return node.isMissingNode() || node.isNull() ? null : node.asString();
  }
}
