package br.prontuario.edge.site.activation;

import br.prontuario.edge.site.patroni.PatroniClient;
import br.prontuario.edge.site.patroni.PatroniReply;

/** {@code PATCH /config {"standby_cluster": null}} on the cloud member's Patroni REST API. */
public final class PatroniRestPromotion implements StandbyPromotion {

  private final String patroniUrl;
  private final PatroniClient patroni;

  /** {@code patroni} carries the REST credentials the cloud member asks for. */
  public PatroniRestPromotion(String patroniUrl, PatroniClient patroni) {
    this.patroniUrl = patroniUrl.replaceAll("/+$", "");
    this.patroni = patroni;
  }

  @Override
  public Outcome promote() {
    PatroniReply reply = patroni.removeStandbyCluster(patroniUrl);
    if (reply.accepted()) {
      return new Outcome(true, "standby_cluster removed; Patroni promotes the cloud member");
    }
    return new Outcome(false, reply.status() == 0 ? "cloud Patroni " + reply.message()
        : "cloud Patroni answered " + reply.status());
  }
}
