package br.prontuario.edge.controller.cloud;

import br.prontuario.edge.site.failback.CloudMerge;
import br.prontuario.edge.site.http.PlainHttp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * cloud-fallback as the controller uses it. Activation routes clinicians there only once it is
 * ready (a promoted database), so the router never sees it fail a first check. Failback brings the
 * cloud's emergency writes home before clinicians go back to the edge, through the site's
 * {@link CloudMerge} (the same merge edgectl failback runs); without it a clinician back on the
 * edge would not see an allergy written in the cloud until someone ran {@code edgectl failback}.
 */
public final class CloudFallbackApp {

  private static final Duration READY_PROBE_TIMEOUT = Duration.ofSeconds(2);

  /** Where no cloud-fallback URL is configured: nothing is merged, and the outcome says so. */
  public static final CloudFallbackApp NONE = new CloudFallbackApp(null, null, null, null);

  private final String ready;
  private final CloudMerge merge;
  private final Clock clock;
  private final PlainHttp http = new PlainHttp(READY_PROBE_TIMEOUT);

  public CloudFallbackApp(String appUrl, String base64Secret, Duration timeout, Clock clock) {
    String base = appUrl == null ? null : appUrl.replaceAll("/+$", "");
    this.ready = base == null ? null : base + "/health/ready";
    this.merge = base == null ? CloudMerge.NONE
        : new CloudMerge(base, base64Secret, "failover-controller", timeout, clock);
    this.clock = clock;
  }

  /** Polls readiness every half second; true at once when no app is configured. */
  public boolean awaitReady(Duration patience) {
    if (ready == null) {
      return true;
    }
    Instant deadline = clock.instant().plus(patience);
    try {
      while (clock.instant().isBefore(deadline)) {
        // promoting, or the app restarting: try again
        if (http.get(ready).is(200)) {
          return true;
        }
        Thread.sleep(500);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  /** The merge failback runs before and after routing back. */
  public CloudMerge merge() {
    return merge;
  }
}
