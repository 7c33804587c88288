package br.prontuario.edge.site.patroni;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The user Patroni's {@code restapi.authentication} asks for on its unsafe endpoints
 * ({@code POST /switchover}, {@code /failover}, {@code /restart}, {@code PATCH /config}); reads
 * ({@code GET /patroni}, {@code /cluster}) need none. {@link #NONE} for a Patroni without it.
 *
 * @param previousPassword the password a rotation is replacing (blank: none): Patroni holds one
 *     password at a time, so while the members move to the new one a refused request is sent
 *     once more with the previous
 */
public record PatroniCredentials(String username, String password, String previousPassword) {

  public static final PatroniCredentials NONE = new PatroniCredentials("", "");

  public PatroniCredentials {
    username = username == null ? "" : username;
    password = password == null ? "" : password;
    previousPassword = previousPassword == null ? "" : previousPassword;
  }

  public PatroniCredentials(String username, String password) {
    this(username, password, "");
  }

  /** The same user with the previous password, if a rotation is under way. */
  public Optional<PatroniCredentials> previous() {
    return previousPassword.isEmpty() || previousPassword.equals(password) ? Optional.empty()
        : Optional.of(new PatroniCredentials(username, previousPassword));
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
    return "PatroniCredentials[" + username + ", passwords hidden]";
  }
}
