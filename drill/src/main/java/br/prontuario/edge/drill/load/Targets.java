package br.prontuario.edge.drill.load;

import java.util.List;

/**
 * Where one client sends its requests, as the clinicians' app does: the entry point first; a
 * write nobody acknowledged (no answer within the timeout, or an error) is retried with the same
 * Idempotency-Key at the next target (each node's edge-node, then the entry point again) until
 * one acknowledges it. The next write starts at the entry point again.
 */
final class Targets {

  private final List<EdgeApi> apis;
  private int current;

  Targets(List<EdgeApi> apis) {
    if (apis.isEmpty()) {
      throw new IllegalArgumentException("at least the entry point is needed");
    }
    this.apis = List.copyOf(apis);
  }

  EdgeApi current() {
    return apis.get(current);
  }

  /** After an answer: acknowledged → back to the entry point; else on to the next target. */
  void answered(boolean acknowledged) {
    current = acknowledged ? 0 : (current + 1) % apis.size();
  }
}
