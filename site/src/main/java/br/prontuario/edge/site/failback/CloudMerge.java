package br.prontuario.edge.site.failback;

import br.prontuario.edge.site.http.HttpReply;
import br.prontuario.edge.site.http.PlainHttp;
import br.prontuario.edge.site.ops.OpsToken;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * cloud-fallback's {@code POST /api/v1/ops/failback/merge}: every cloud write since the fork into
 * the edge, idempotent, authorised by a short-lived it-ops token signed with the shared JWT
 * secret. The one client of that endpoint (the controller's failback and edgectl's).
 */
public final class CloudMerge {

  /** Without a cloud-fallback URL nothing is merged, and the reply says so. */
  public static final CloudMerge NONE = new CloudMerge(null, null, null, null, null);

  private static final Duration TOKEN_TTL = Duration.ofMinutes(5);

  private final String url;
  private final String base64Secret;
  private final String subject;
  private final Duration timeout;
  private final Clock clock;
  private final PlainHttp http;

  /**
   * @param appUrl cloud-fallback's base URL
   * @param subject who asks, in the token ("failover-controller", "edgectl-failback")
   */
  public CloudMerge(String appUrl, String base64Secret, String subject, Duration timeout,
      Clock clock) {
    this.url = appUrl == null ? null : appUrl.replaceAll("/+$", "") + "/api/v1/ops/failback/merge";
    this.base64Secret = base64Secret;
    this.subject = subject;
    this.timeout = timeout;
    this.clock = clock;
    this.http = timeout == null ? null : new PlainHttp(timeout);
  }

  public MergeReply merge() {
    if (url == null) {
      return new MergeReply.NotConfigured();
    }
    String token = OpsToken.mint(base64Secret, subject, clock.instant(), TOKEN_TTL);
    // every POST carries one; a repeated merge is harmless anyway (the ledger skips)
    HttpReply reply = http.send("POST", url, "{}", Map.of("Authorization", "Bearer " + token,
        "Idempotency-Key", UUID.randomUUID().toString()), timeout);
    if (reply instanceof HttpReply.Answered a) {
      return MergeReply.of(a.status(), a.body());
    }
    return new MergeReply.Unreachable(((HttpReply.NoAnswer) reply).reason());
  }
}
