package br.prontuario.edge.drill.load;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** An HTTP answer, or status 0 with the transport error when none came. */
public record ApiResponse(int status, JsonNode body, String error) {

  static ApiResponse noAnswer(String error) {
    return new ApiResponse(0, MissingNode.getInstance(), error);
  }

  public boolean ok() {
    return status >= 200 && status < 300;
  }

  public String text(String field) {
    JsonNode node = body.path(field);
    return node.isMissingNode() || node.isNull() ? null : node.asString();
  }
}
