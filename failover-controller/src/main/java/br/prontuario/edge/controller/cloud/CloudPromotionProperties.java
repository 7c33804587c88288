package br.prontuario.edge.controller.cloud;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code edge.controller.cloud.*}: how EMERGENCY_CLOUD promotes the cloud standby.
 * {@code mode}: none | patroni (REST URL of the cloud member) | kubernetes (namespace + scope).
 * {@code appUrl}: cloud-fallback's base URL, whose merge endpoint failback calls before routing
 * clinicians back to the edge; blank = the writes wait for {@code edgectl failback}.
 */
@ConfigurationProperties("edge.controller.cloud")
public record CloudPromotionProperties(
    @DefaultValue("none") String mode,
    @DefaultValue("") String patroniUrl,
    @DefaultValue("prontuario-emergency") String namespace,
    @DefaultValue("cloud") String scope,
    @DefaultValue("5s") Duration timeout,
    @DefaultValue("") String appUrl,
    @DefaultValue("60s") Duration mergeTimeout) {

  public CloudPromotionProperties {
    if (!mode.matches("none|patroni|kubernetes")) {
      throw new IllegalArgumentException("edge.controller.cloud.mode must be none, patroni or kubernetes");
    }
    if (mode.equals("patroni") && patroniUrl.isBlank()) {
      throw new IllegalArgumentException("edge.controller.cloud.patroni-url is required in patroni mode");
    }
  }
}
