package br.prontuario.edge.controller.patroni;

import br.prontuario.edge.site.patroni.PatroniCredentials;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code edge.controller.patroni.*}: the user Patroni's {@code restapi.authentication} asks for on
 * switchover and {@code PATCH /config} (the cloud promotion). {@code edgectl up} passes them
 * through {@code cluster.json}; production sets them from the secret store. Blank = Patroni
 * without REST authentication.
 */
@ConfigurationProperties("edge.controller.patroni")
public record PatroniApiProperties(@DefaultValue("") String username, @DefaultValue("") String password) {

  public PatroniApiProperties {
    if (!username.isBlank() && password.isBlank()) {
      throw new IllegalArgumentException("edge.controller.patroni.password is required with a username");
    }
  }

  public PatroniCredentials credentials() {
    return new PatroniCredentials(username, password);
  }

  @Override
  public String toString() {
    return "PatroniApiProperties[" + username + ", password hidden]";
  }
}
