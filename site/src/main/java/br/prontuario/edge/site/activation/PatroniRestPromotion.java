package br.prontuario.edge.site.activation;

import br.prontuario.edge.site.patroni.PatroniClient;
import br.prontuario.edge.site.patroni.PatroniReply;
import java.time.Duration;

/** {@code PATCH /config {"standby_cluster": null}} on the cloud member's Patroni REST API. */
public final class PatroniRestPromotion implements StandbyPromotion {

  private final String patroniUrl;
  private final PatroniClient patroni;

  public PatroniRestPromotion(String patroniUrl, Duration timeout) {
    this.patroniUrl = patroniUrl.replaceAll("/+$", "");
    this.patroni = new PatroniClient(timeout);
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
