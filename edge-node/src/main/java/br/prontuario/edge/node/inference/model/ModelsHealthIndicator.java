package br.prontuario.edge.node.inference.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Reports each model's state as details and is always UP: a missing model turns off its feature,
 * never the records API, so it must not make the node unready.
 */
final class ModelsHealthIndicator implements HealthIndicator {

  private final ModelRegistry registry;

  ModelsHealthIndicator(ModelRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Health health() {
    Health.Builder health = Health.up();
    for (ModelStatus status : registry.statuses().values()) {
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("state", status.state().name());
      detail.put("detail", status.detail());
      health.withDetail(status.name(), detail);
    }
    return health.build();
  }
}
