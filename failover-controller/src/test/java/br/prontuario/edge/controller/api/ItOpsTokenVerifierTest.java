package br.prontuario.edge.controller.api;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.site.ops.RetiringJwtSecret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ItOpsTokenVerifierTest {

  private static final String RETIRED =
      Base64.getEncoder().encodeToString("the-secret-before-the-rotation!!".getBytes());

  @Test
  void aTokenSignedWithTheRetiringSecretIsAcceptedOnlyBeforeItsDeadline() {
    String token = Tokens.bearer(RETIRED, "it-ops", Duration.ofHours(2));
    Instant now = Instant.now();
    Instant deadline = now.plus(Duration.ofMinutes(2));
    var retiring = Optional.of(new RetiringJwtSecret(RETIRED, deadline));
    byte[] current = Base64.getDecoder().decode(Tokens.SECRET);

    var before = new ItOpsTokenVerifier(current, retiring, Clock.fixed(now, ZoneOffset.UTC));
    var after = new ItOpsTokenVerifier(current, retiring, Clock.fixed(deadline, ZoneOffset.UTC));
    var withoutRetiring = new ItOpsTokenVerifier(current, Clock.systemUTC());

    assertThat(before.refusal(token)).isEmpty();
    assertThat(after.refusal(token)).get().extracting(ItOpsTokenVerifier.Refusal::status).isEqualTo(401);
    assertThat(withoutRetiring.refusal(token)).isPresent();
    assertThat(before.refusal(Tokens.itOps())).as("the current secret, as ever").isEmpty();
    // the retiring secret grants no more than the current one: the role is still required
    assertThat(before.refusal(Tokens.bearer(RETIRED, "physician", Duration.ofMinutes(5))))
        .get().extracting(ItOpsTokenVerifier.Refusal::status).isEqualTo(403);
  }
}
