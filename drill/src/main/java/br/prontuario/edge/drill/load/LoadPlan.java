package br.prontuario.edge.drill.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How much clinical load to put through the entry point, and for how long at most.
 *
 * @param caCertificate the cluster CA that an https entry point presents; null = the JDK's trust
 * @param interval each client sends one note per interval (a steady rate of clients/interval)
 * @param maxDuration the generator stops by itself after this long
 * @param maxWrites the generator stops by itself after this many write attempts in total
 * @param readEvery every n-th acknowledged note a client also reads its notes back
 * @param nodeApps each node's edge-node, reached directly: where a client retries a write the
 *     entry point did not acknowledge (with the same Idempotency-Key), as the app does
 */
public record LoadPlan(URI entrypoint, Path caCertificate, String username, String password,
    int clients, Duration interval, Duration maxDuration, int maxWrites, Duration requestTimeout,
    int readEvery, List<URI> nodeApps) {

  public static final int MAX_CLIENTS = 64;

  /**
   * Where a node dies or freezes, clients give up after this and retry elsewhere, so the outage
   * they see is measured to the second (the app would wait longer: its clinicians' outage is
   * never shorter than the drill's).
   */
  public static final Duration MEASURING_TIMEOUT = Duration.ofSeconds(2);

  /**
   * How long the clinicians' app waits for one entry point before it replays the request at the
   * next (clinical-app js/api.js): a request answered within it is one a clinician saw saved.
   */
  public static final Duration APP_ENTRY_TIMEOUT = Duration.ofSeconds(20);

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
    nodeApps = List.copyOf(nodeApps);
    if (maxWrites < 1 || readEvery < 1) {
      throw new IllegalArgumentException("maxWrites and readEvery must be at least 1");
    }
  }

  /** A plan with the drill's defaults: 5 notes a second per client, {@link #MEASURING_TIMEOUT}. */
  public static LoadPlan of(URI entrypoint, Path caCertificate, String username, String password,
      int clients, Duration maxDuration) {
    return new LoadPlan(entrypoint, caCertificate, username, password, clients,
        Duration.ofMillis(200), maxDuration, 100_000, MEASURING_TIMEOUT, 10, List.of());
  }

  /** This plan, retrying at the nodes' edge-nodes too. */
  public LoadPlan withNodeApps(List<URI> apps) {
    return new LoadPlan(entrypoint, caCertificate, username, password, clients, interval,
        maxDuration, maxWrites, requestTimeout, readEvery, apps);
  }

  /** This plan, stopping after {@code writes} write attempts in total. */
  public LoadPlan withMaxWrites(int writes) {
    return new LoadPlan(entrypoint, caCertificate, username, password, clients, interval,
        maxDuration, writes, requestTimeout, readEvery, nodeApps);
  }

  /** This plan with clients that wait {@code timeout} for each answer. */
  public LoadPlan withRequestTimeout(Duration timeout) {
    return new LoadPlan(entrypoint, caCertificate, username, password, clients, interval,
        maxDuration, maxWrites, timeout, readEvery, nodeApps);
  }

  /** Where writes go: the entry point first, then each node's edge-node. */
  public List<URI> targets() {
    List<URI> targets = new ArrayList<>();
    targets.add(entrypoint);
    targets.addAll(nodeApps);
    return targets;
  }
}
