package br.prontuario.edge.site.failback;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How one failback merge went; only {@link Merged} (or nothing to merge with) lets failback go on. */
public sealed interface MergeReply {

  JsonMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

  /** 200: the report, and cloud-fallback's JSON as it came (for edgectl's failback report). */
  record Merged(MergeReport report, JsonNode body) implements MergeReply {
    @Override
    public String detail() {
      return "merged: " + report.counts();
    }
  }

  /** Any other status; {@code title} is the problem+json title (no record ids in it), or "". */
  record Refused(int status, String title, String body) implements MergeReply {
    @Override
    public String detail() {
      return "cloud-fallback answered " + status + (title.isEmpty() ? "" : " (" + title + ")");
    }
  }

  record Unreachable(String reason) implements MergeReply {
    @Override
    public String detail() {
      return "cloud-fallback unreachable: " + reason;
    }
  }

  /** The controller runs without a cloud-fallback URL: the cloud's writes wait for edgectl. */
  record NotConfigured() implements MergeReply {
    @Override
    public String detail() {
      return "no cloud app url configured: cloud writes wait for edgectl failback";
    }
  }

  /** One line for a log or the controller's history: counts and statuses, never record ids. */
  String detail();

  default boolean ok() {
    return this instanceof Merged || this instanceof NotConfigured;
  }

  /** Reads cloud-fallback's answer; a 200 whose body is not a report is refused, not merged. */
  static MergeReply of(int status, String body) {
    if (status == 200) {
      try {
        JsonNode json = JSON.readTree(body);
        return new Merged(JSON.treeToValue(json, MergeReport.class), json);
      } catch (JacksonException e) {
        return new Refused(status, "report unreadable", body);
      }
    }
    return new Refused(status, title(body), body);
  }

  private static String title(String body) {
    try {
      return JSON.readTree(body).path("title").asString("");
    } catch (JacksonException notJson) {
      return "";
    }
  }
}
