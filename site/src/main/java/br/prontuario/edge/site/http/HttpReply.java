package br.prontuario.edge.site.http;

/** What a plain HTTP call got: an answer with its status, or none (and why). */
public sealed interface HttpReply {

  /** HAProxy, Patroni, etcd or an app answered, whatever the status. */
  record Answered(int status, String body) implements HttpReply {

    public boolean ok() {
      return status / 100 == 2;
    }
  }

  /** Nothing came back: refused, reset, or the timeout passed ("timeout after 500 ms"). */
  record NoAnswer(String reason) implements HttpReply {}

  /** A 2xx answer. */
  default boolean ok() {
    return this instanceof Answered a && a.ok();
  }

  /** Whether the answer had exactly this status. */
  default boolean is(int status) {
    return this instanceof Answered a && a.status() == status;
  }
}
