package br.prontuario.edge.controller.probe;

import br.prontuario.edge.controller.decision.Signal;
import br.prontuario.edge.site.http.HttpReply;
import br.prontuario.edge.site.http.PlainHttp;
import java.time.Duration;

/** GET with a hard timeout (the site's {@link PlainHttp}): 2xx is up, anything else (or silence) one failure. */
public final class HttpProbe {

  private final PlainHttp http;

  public HttpProbe(Duration timeout) {
    this.http = new PlainHttp(timeout);
  }

  public Signal get(String url) {
    HttpReply reply = http.get(url);
    if (reply instanceof HttpReply.Answered answered) {
      return answered.ok() ? Signal.up() : Signal.failed("HTTP " + answered.status());
    }
    return Signal.failed(((HttpReply.NoAnswer) reply).reason());
  }
}
