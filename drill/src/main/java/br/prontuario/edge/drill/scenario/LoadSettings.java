package br.prontuario.edge.drill.scenario;

import br.prontuario.edge.drill.load.LoadPlan;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** Where and how hard the drill's clinical load goes. */
public record LoadSettings(URI entrypoint, Path caCertificate, String username, String password, int clients) {

  public LoadSettings {
    if (clients < 1 || clients > LoadPlan.MAX_CLIENTS) {
      throw new IllegalArgumentException("--clients must be between 1 and " + LoadPlan.MAX_CLIENTS);
    }
  }

  LoadPlan plan(Duration maxDuration) {
    return LoadPlan.of(entrypoint, caCertificate, username, password, clients, maxDuration);
  }
}
