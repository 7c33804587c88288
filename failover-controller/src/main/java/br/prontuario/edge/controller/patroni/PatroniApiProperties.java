package br.prontuario.edge.controller.patroni;

import br.prontuario.edge.site.patroni.PatroniCredentials;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code edge.controller.patroni.*}: the user Patroni's {@code restapi.authentication} asks for on
 * switchover and {@code PATCH /config} (the cloud promotion). {@code edgectl up} passes them
 * through {@code cluster.json}; production sets them from the secret store. Blank = Patroni
 * without REST authentication. {@code caCertificate}: the CA whose certificate the nodes' Patroni
 * REST APIs present over {@code https://} (the cluster CA); null = the JDK's trust store.
 * {@code previousPassword}: the one a rotation under way replaces, tried when a member refuses the
 * new one.
 */
@ConfigurationProperties("edge.controller.patroni")
public record PatroniApiProperties(@DefaultValue("") String username, @DefaultValue("") String password,
    Path caCertificate, @DefaultValue("") String previousPassword) {

  public PatroniApiProperties {
    if (!username.isBlank() && password.isBlank()) {
      throw new IllegalArgumentException("edge.controller.patroni.password is required with a username");
    }
  }

  public PatroniCredentials credentials() {
    return new PatroniCredentials(username, password, previousPassword);
  }

  @Override
  public String toString() {
    return "PatroniApiProperties[" + username + ", password hidden, " + caCertificate + "]";
  }
}
