package br.prontuario.edge.cloud.replication;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code cloud.replication.*}: how to reach the edge primary (multi-host URL with
 * targetServerType=primary) for the heartbeat and for failback. Blank URL = no heartbeat writer
 * (GKE with an edge-side writer instead); failback then cannot run here.
 */
@Validated
@ConfigurationProperties("cloud.replication")
public record ReplicationProperties(
    @DefaultValue("") String edgeJdbcUrl,
    @DefaultValue("postgres") String edgeUsername,
    @DefaultValue("") String edgePassword,
    @NotNull @DefaultValue("1s") Duration heartbeatInterval) {

  public boolean edgeConfigured() {
    return !edgeJdbcUrl.isBlank();
  }
}
