package br.prontuario.edge.controller.decision;

/** Where the controller believes the cluster is; see docs/failover.md. */
public enum ControllerState {
  /** Active node serving, the other node a healthy synchronous standby. */
  NORMAL,
  /** Still served by the active node, but the standby is down or not in sync. */
  DEGRADED,
  /** The active role moved to the other node after the active node failed. */
  FAILOVER,
  /** Both nodes down: the reduced cloud deployment serves. */
  EMERGENCY_CLOUD,
  /** A failed node (or the whole site) is back and rejoining as standby. */
  FAILBACK
}
