package br.prontuario.edge.controller.patroni;

import br.prontuario.edge.controller.decision.ClusterMember;
import br.prontuario.edge.site.patroni.PatroniClient;
import java.util.List;

/** Patroni's {@code /cluster} view (the site's client) as the decision engine's plain members. */
public final class PatroniMembers {

  private PatroniMembers() {}

  /** Lag: bytes, 0 when Patroni leaves it out (the leader), -1 when it says it does not know. */
  public static List<ClusterMember> of(PatroniClient.ClusterView view) {
    return view.members().stream().map(m -> new ClusterMember(nonNull(m.name()), nonNull(m.role()),
        nonNull(m.state()), m.lag() instanceof Number n ? n.longValue() : (m.lag() == null ? 0 : -1),
        m.timeline() == null ? 0 : m.timeline())).toList();
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
