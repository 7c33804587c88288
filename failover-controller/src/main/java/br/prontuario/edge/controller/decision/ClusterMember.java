package br.prontuario.edge.controller.decision;

/**
 * A member as Patroni's {@code /cluster} (the DCS view) lists it.
 *
 * @param role leader | sync_standby | replica | standby_leader
 * @param state running | streaming | stopped | ...
 * @param lagBytes replication lag in bytes; -1 when Patroni reports it unknown
 */
public record ClusterMember(String name, String role, String state, long lagBytes, long timeline) {

  public boolean isLeader() {
    return "leader".equals(role);
  }

  public boolean isSyncStandby() {
    return "sync_standby".equals(role);
  }

  public boolean isReplicating() {
    return "running".equals(state) || "streaming".equals(state);
  }
}
