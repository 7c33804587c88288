package br.prontuario.edge.localcluster.app;

import br.prontuario.edge.site.http.HttpReply;
import br.prontuario.edge.site.http.PlainHttp;
import java.time.Duration;

/** GET {@code /health/ready} on an edge-node, the same check HAProxy makes. */
public final class ReadinessProbe {

  private static final PlainHttp HTTP = new PlainHttp(Duration.ofSeconds(2));

  private ReadinessProbe() {}

  /** "ready", "not-ready" (it answered, but not 200) or "down" (no answer). */
  public static String check(String appUrl) {
    HttpReply reply = HTTP.get(appUrl + "/health/ready");
    if (reply instanceof HttpReply.Answered answered) {
      return answered.status() == 200 ? "ready" : "not-ready";
    }
    return "down";
  }
}
