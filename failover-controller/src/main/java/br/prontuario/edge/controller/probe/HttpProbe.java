package br.prontuario.edge.controller.probe;

import br.prontuario.edge.controller.decision.Signal;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** GET with a hard timeout: 2xx is up, anything else (or silence) one failure. */
public final class HttpProbe {

  private final HttpClient http;
  private final Duration timeout;

  public HttpProbe(Duration timeout) {
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.timeout = timeout;
  }

  public Signal get(String url) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status / 100 == 2 ? Signal.up() : Signal.failed("HTTP " + status);
    } catch (HttpTimeoutException e) {
      return Signal.failed("timeout after " + timeout.toMillis() + " ms");
    } catch (IOException e) {
      return Signal.failed(e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Signal.failed("interrupted");
    }
  }
}
