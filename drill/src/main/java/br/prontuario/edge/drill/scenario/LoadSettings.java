package br.prontuario.edge.drill.scenario;

import br.prontuario.edge.drill.load.LoadPlan;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where and how hard the drill's clinical load goes.
 *
 * @param otherEntrypoints the entry URLs after the preferred one (another box's HAProxy each)
 */
public record LoadSettings(URI entrypoint, Path caCertificate, String username, String password, int clients,
    List<URI> otherEntrypoints) {

  public LoadSettings {
    if (clients < 1 || clients > LoadPlan.MAX_CLIENTS) {
      throw new IllegalArgumentException("--clients must be between 1 and " + LoadPlan.MAX_CLIENTS);
    }
    otherEntrypoints = otherEntrypoints == null ? List.of() : List.copyOf(otherEntrypoints);
  }

  /** One entry point only. */
  public LoadSettings(URI entrypoint, Path caCertificate, String username, String password, int clients) {
    this(entrypoint, caCertificate, username, password, clients, List.of());
  }

  public LoadPlan plan(Duration maxDuration) {
    return LoadPlan.of(entrypoint, caCertificate, username, password, clients, maxDuration);
  }
}
