package br.prontuario.edge.site.patroni;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The user Patroni's {@code restapi.authentication} asks for on its unsafe endpoints
 * ({@code POST /switchover}, {@code /failover}, {@code /restart}, {@code PATCH /config}); reads
 * ({@code GET /patroni}, {@code /cluster}) need none. {@link #NONE} for a Patroni without it.
 */
public record PatroniCredentials(String username, String password) {

  public static final PatroniCredentials NONE = new PatroniCredentials("", "");

  public PatroniCredentials {
    username = username == null ? "" : username;
    password = password == null ? "" : password;
  }

  public boolean present() {
    return !username.isEmpty();
  }

  /** The {@code Authorization} header value (HTTP Basic, what Patroni 3 checks). */
  public String basicAuthorization() {
    return "Basic " + Base64.getEncoder()
        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "PatroniCredentials[" + username + ", password hidden]";
  }
}
