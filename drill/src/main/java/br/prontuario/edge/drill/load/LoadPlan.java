package br.prontuario.edge.drill.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How much clinical load to put through the entry point, and for how long at most.
 *
 * @param caCertificate the cluster CA that an https entry point presents; null = the JDK's trust
 * @param interval each client sends one note per interval (a steady rate of clients/interval)
 * @param maxDuration the generator stops by itself after this long
 * @param maxWrites the generator stops by itself after this many write attempts in total
 * @param readEvery every n-th acknowledged note a client also reads its notes back
 */
public record LoadPlan(URI entrypoint, Path caCertificate, String username, String password, int clients,
    Duration interval, Duration maxDuration, int maxWrites, Duration requestTimeout, int readEvery) {

  public static final int MAX_CLIENTS = 64;

  public LoadPlan {
    if (entrypoint == null || username == null || password == null) {
      throw new IllegalArgumentException("entrypoint, username and password are required");
    }
    if (clients < 1 || clients > MAX_CLIENTS) {
      throw new IllegalArgumentException("clients must be between 1 and " + MAX_CLIENTS);
    }
    if (interval.isNegative() || interval.isZero() || maxDuration.isNegative()
        || maxDuration.isZero() || requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("interval, maxDuration and requestTimeout must be positive");
    }
    if (maxWrites < 1 || readEvery < 1) {
      throw new IllegalArgumentException("maxWrites and readEvery must be at least 1");
    }
  }

  /** A plan with the drill's defaults: 5 notes a second per client, 2 s request timeout. */
  public static LoadPlan of(URI entrypoint, Path caCertificate, String username, String password,
      int clients, Duration maxDuration) {
    return new LoadPlan(entrypoint, caCertificate, username, password, clients, Duration.ofMillis(200),
        maxDuration, 100_000, Duration.ofSeconds(2), 10);
  }
}
