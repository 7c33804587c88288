package br.prontuario.edge.controller.cloud;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** {@code PATCH /config {"standby_cluster": null}} on the cloud member's Patroni REST API. */
public final class PatroniRestPromotion implements StandbyPromotion {

  private final URI config;
  private final Duration timeout;
  private final HttpClient http;

  public PatroniRestPromotion(String patroniUrl, Duration timeout) {
    this.config = URI.create(patroniUrl.replaceAll("/+$", "") + "/config");
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public Outcome promote() {
    HttpRequest request = HttpRequest.newBuilder(config).timeout(timeout)
        .header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"standby_cluster\":null}")).build();
    try {
      HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
      return reply.statusCode() == 200
          ? new Outcome(true, "standby_cluster removed; Patroni promotes the cloud member")
          : new Outcome(false, "cloud Patroni answered " + reply.statusCode());
    } catch (IOException e) {
      return new Outcome(false, "cloud Patroni unreachable: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(false, "interrupted");
    }
  }
}
