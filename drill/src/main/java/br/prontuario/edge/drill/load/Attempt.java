package br.prontuario.edge.drill.load;

import java.time.Duration;
import java.time.Instant;

/**
 * One request the load generator made: when it was sent, when its answer (or failure) came back,
 * the HTTP status ({@code 0} when no answer came at all: refused, reset or timed out), whether
 * the cloud's emergency deployment answered instead of an edge node, and whether the answer was a
 * replay of an earlier write ({@code Idempotent-Replayed}: it proves nothing new was written).
 */
public record Attempt(Kind kind, int client, long sequence, Instant sentAt, Instant doneAt, int status,
    boolean ok, boolean emergency, boolean replayed) {

  public Attempt(Kind kind, int client, long sequence, Instant sentAt, Instant doneAt, int status,
      boolean ok, boolean emergency) {
    this(kind, client, sequence, sentAt, doneAt, status, ok, emergency, false);
  }

  public Attempt(Kind kind, int client, long sequence, Instant sentAt, Instant doneAt, int status,
      boolean ok) {
    this(kind, client, sequence, sentAt, doneAt, status, ok, false);
  }

  public enum Kind {
    /** a clinical note write: the requests RTO is measured on */
    WRITE,
    /** a read of the client's own notes */
    READ,
    /** login or patient creation before the client starts writing */
    SETUP
  }

  public Duration latency() {
    return Duration.between(sentAt, doneAt);
  }

  public boolean isWrite() {
    return kind == Kind.WRITE;
  }
}
