package br.prontuario.edge.controller.cloud;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * cloud-fallback as the controller uses it. Activation routes clinicians there only once it is
 * ready (a promoted database), so the router never sees it fail a first check. Failback brings the
 * cloud's emergency writes home before clinicians go back to the edge: its
 * {@code POST /api/v1/ops/failback/merge}, idempotent, with a short-lived it-ops token signed with
 * the shared JWT secret; without it a clinician back on the edge would not see an allergy written
 * in the cloud until someone ran {@code edgectl failback}.
 */
public final class CloudFallbackApp {

  /** Where no cloud-fallback URL is configured: nothing is merged, and the outcome says so. */
  public static final CloudFallbackApp NONE = new CloudFallbackApp(null, null, null, null);

  public record Outcome(boolean ok, String detail) {}

  private static final Duration READY_PROBE_TIMEOUT = Duration.ofSeconds(2);

  private final URI merge;
  private final URI ready;
  private final byte[] secret;
  private final Duration timeout;
  private final Clock clock;
  private final HttpClient http;

  public CloudFallbackApp(String appUrl, String base64Secret, Duration timeout, Clock clock) {
    String base = appUrl == null ? null : appUrl.replaceAll("/+$", "");
    this.merge = base == null ? null : URI.create(base + "/api/v1/ops/failback/merge");
    this.ready = base == null ? null : URI.create(base + "/health/ready");
    this.secret = base64Secret == null ? null : Base64.getDecoder().decode(base64Secret);
    this.timeout = timeout;
    this.clock = clock;
    this.http = timeout == null ? null : HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** Polls readiness every half second; true at once when no app is configured. */
  public boolean awaitReady(Duration patience) {
    if (ready == null) {
      return true;
    }
    Instant deadline = clock.instant().plus(patience);
    HttpRequest probe = HttpRequest.newBuilder(ready).timeout(READY_PROBE_TIMEOUT).GET().build();
    try {
      while (clock.instant().isBefore(deadline)) {
        try {
          if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return true;
          }
        } catch (IOException notUpYet) {
          // promoting, or the app restarting: try again
        }
        Thread.sleep(500);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  public Outcome merge() {
    if (merge == null) {
      return new Outcome(true, "no cloud app url configured: cloud writes wait for edgectl failback");
    }
    HttpRequest request = HttpRequest.newBuilder(merge).timeout(timeout)
        .header("Authorization", "Bearer " + token(clock.instant()))
        .header("Content-Type", "application/json")
        // every POST carries one; a repeated merge is harmless anyway (the ledger skips)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    try {
      HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
      return reply.statusCode() == 200 ? new Outcome(true, "merged: " + summary(reply.body()))
          : new Outcome(false, "cloud-fallback answered " + reply.statusCode() + title(reply.body()));
    } catch (IOException e) {
      return new Outcome(false, "cloud-fallback unreachable: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(false, "interrupted");
    }
  }

  /** Counts only: the report's ids are clinical record ids, which stay out of the history. */
  private static String summary(String body) {
    try {
      JsonNode report = JsonMapper.shared().readTree(body);
      return report.path("notes").size() + " notes, " + report.path("entries").size()
          + " entries, " + report.path("auditEvents").asInt() + " audit events";
    } catch (RuntimeException unreadable) {
      return "report unreadable";
    }
  }

  /** A problem+json title says why (no record ids in it, so it may go to the history). */
  private static String title(String body) {
    try {
      String title = JsonMapper.shared().readTree(body).path("title").asString("");
      return title.isEmpty() ? "" : " (" + title + ")";
    } catch (RuntimeException notJson) {
      return "";
    }
  }

  private String token(Instant now) {
    JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("failover-controller")
        .issuer("prontuario-edge").claim("roles", List.of("it-ops"))
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(new MACSigner(secret));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign the it-ops token", e);
    }
    return jwt.serialize();
  }
}
