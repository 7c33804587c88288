package br.prontuario.edge.localcluster.app;

import br.prontuario.edge.localcluster.cluster.ClusterLayout;
import br.prontuario.edge.localcluster.config.NodeName;
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

  /**
   * @throws IllegalStateException naming the first of {@code nodes} whose edge-node is not ready,
   *     and what it is, followed by {@code refusal}
   */
  public static void requireReady(ClusterLayout layout, String refusal, NodeName... nodes) {
    for (NodeName node : nodes) {
      String app = check(layout.appUrl(node));
      if (!"ready".equals(app)) {
        throw new IllegalStateException(node.id() + "'s edge-node is " + app + ": " + refusal);
      }
    }
  }
}
