package br.prontuario.edge.controller.decision;

import java.util.Map;
import java.util.Optional;

/** When a manual switchover may go ahead: only ever to a healthy synchronous standby. */
final class SwitchoverRules {

  private SwitchoverRules() {}

  /** A reason to refuse, or empty if the switchover may proceed. */
  static Optional<String> refusal(String target, Observation last, Map<String, NodeHealth> health) {
    if (last == null) {
      return Optional.of("no probe round has completed yet");
    }
    if (!health.containsKey(target)) {
      return Optional.of("unknown node " + target + "; known: " + String.join(", ", health.keySet()));
    }
    if (last.selfReportedPrimaries().size() > 1) {
      return Optional.of("two primaries seen; refusing to act until one is fenced");
    }
    NodeStatus status = health.get(target).status();
    if (status != NodeStatus.HEALTHY && status != NodeStatus.SUSPECT) {
      return Optional.of(target + " is " + status);
    }
    boolean leader = last.leader().filter(l -> l.name().equals(target)).isPresent();
    boolean syncStandby = last.member(target).filter(m -> m.isSyncStandby() && m.isReplicating()).isPresent();
    if (!leader && !syncStandby) {
      return Optional.of(target + " is not the synchronous standby; it could miss acknowledged writes");
    }
    return Optional.empty();
  }
}
