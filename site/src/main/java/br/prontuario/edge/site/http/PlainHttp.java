package br.prontuario.edge.site.http;

import br.prontuario.edge.site.tls.ClientTls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * Plain HTTP calls with hard timeouts, for probes (readiness, Patroni's {@code /primary}, etcd's
 * {@code /health}) and small JSON requests. Silence is a {@link HttpReply.NoAnswer}, never an
 * exception: a probe that does not answer is an observation.
 */
public final class PlainHttp {

  private final HttpClient http;
  private final Duration timeout;

  public PlainHttp(Duration timeout) {
    this(timeout, null);
  }

  /** {@code tls}: the client certificate to present to https servers that ask (etcd); null for none. */
  public PlainHttp(Duration timeout, ClientTls tls) {
    this.http = ClientTls.httpClient(tls, timeout);
    this.timeout = timeout;
  }

  public HttpReply get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET(), timeout);
  }

  /** A JSON request; {@code patience} for calls that take longer than a probe (a merge). */
  public HttpReply send(String method, String url, String json, Map<String, String> headers,
      Duration patience) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(patience)
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json));
    headers.forEach(request::header);
    return send(request, patience);
  }

  private HttpReply send(HttpRequest.Builder request, Duration patience) {
    try {
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new HttpReply.Answered(r.statusCode(), r.body());
    } catch (HttpTimeoutException e) {
      return new HttpReply.NoAnswer("timeout after " + patience.toMillis() + " ms");
    } catch (IOException e) {
      return new HttpReply.NoAnswer(e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new HttpReply.NoAnswer("interrupted");
    }
  }
}
