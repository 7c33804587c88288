package br.prontuario.edge.controller.probe;

import br.prontuario.edge.site.resp.RespCredentials;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code edge.controller.sentinel-auth.*}: the Sentinels' ACL user the controller asks which
 * Redis is master (read-only Sentinel commands only). {@code edgectl up} passes it through
 * {@code cluster.json}; blank = Sentinels without authentication.
 */
@ConfigurationProperties("edge.controller.sentinel-auth")
public record SentinelAuthProperties(@DefaultValue("") String username, @DefaultValue("") String password) {

  public RespCredentials credentials() {
    return new RespCredentials(username, password);
  }

  @Override
  public String toString() {
    return "SentinelAuthProperties[" + username + ", password hidden]";
  }
}
