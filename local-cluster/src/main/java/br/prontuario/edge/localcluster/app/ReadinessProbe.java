package br.prontuario.edge.localcluster.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** GET {@code /health/ready} on an edge-node, the same check HAProxy makes. */
public final class ReadinessProbe {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private ReadinessProbe() {}

  /** "ready", "not-ready" (it answered, but not 200) or "down" (no answer). */
  public static String check(String appUrl) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(appUrl + "/health/ready"))
          .timeout(Duration.ofSeconds(2)).build();
      int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status == 200 ? "ready" : "not-ready";
    } catch (IOException e) {
      return "down";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "down";
    }
  }
}
