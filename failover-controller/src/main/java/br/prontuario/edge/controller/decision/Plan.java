package br.prontuario.edge.controller.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The decision being built during one evaluation round. */
final class Plan {

  final List<Action> actions = new ArrayList<>();
  final List<String> reasons = new ArrayList<>();
  ControllerState target;
  String activeNode;
  Optional<Instant> detectedAt = Optional.empty();

  Plan(ControllerState current, String activeNode) {
    this.target = current;
    this.activeNode = activeNode;
  }

  void because(String reason) {
    reasons.add(reason);
  }

  void detected(Optional<Instant> since) {
    if (since.isPresent() && (detectedAt.isEmpty() || since.get().isBefore(detectedAt.get()))) {
      detectedAt = since;
    }
  }
}
