package br.prontuario.edge.localcluster.config;

import java.time.Duration;

/**
 * The clinicians' entry point (HTTPS on {@code entryPort}; {@code redirectPort} is plain HTTP that
 * only redirects there) and how it decides that an edge-node may receive traffic. */
public record HaproxySettings(
    int entryPort, int redirectPort, int statsPort, int runtimeApiPort, HealthCheck check,
    String cloudBackup) {

  public HaproxySettings {
    Check.port(entryPort, "haproxy.entryPort");
    Check.port(redirectPort, "haproxy.redirectPort");
    Check.port(statsPort, "haproxy.statsPort");
    Check.port(runtimeApiPort, "haproxy.runtimeApiPort");
    Check.present(check, "haproxy.check");
    cloudBackup = cloudBackup == null ? "" : cloudBackup.strip();
    Check.that(cloudBackup.isEmpty() || cloudBackup.matches("[A-Za-z0-9.\\-]+:\\d{1,5}"),
        "haproxy.cloudBackup must be host:port or empty, was '%s'", cloudBackup);
  }

  /** These settings with the cloud slot pointing at {@code hostPort}. */
  public HaproxySettings withCloudBackup(String hostPort) {
    return new HaproxySettings(entryPort, redirectPort, statsPort, runtimeApiPort, check, hostPort);
  }

  /**
   * HAProxy's active health check of each edge-node.
   *
   * @param recheckInterval the interval while a server is down or changing state (HAProxy's
   *     {@code downinter} and {@code fastinter}): a node that is ready again after a failover
   *     takes traffic within about {@code rise} of these, not {@code rise} full intervals
   */
  public record HealthCheck(String path, Duration interval, Duration timeout, int fall, int rise,
      Duration recheckInterval) {

    public HealthCheck {
      recheckInterval = recheckInterval == null ? interval : recheckInterval;
      Check.that(path != null && path.startsWith("/"), "haproxy.check.path must start with /");
      Check.positive(interval, "haproxy.check.interval");
      Check.positive(timeout, "haproxy.check.timeout");
      Check.that(timeout.compareTo(interval) <= 0,
          "haproxy.check.timeout (%s) must not exceed haproxy.check.interval (%s)", timeout, interval);
      Check.that(fall >= 1, "haproxy.check.fall must be at least 1, was %d", fall);
      Check.that(rise >= 1, "haproxy.check.rise must be at least 1, was %d", rise);
      Check.positive(recheckInterval, "haproxy.check.recheckInterval");
    }
  }
}
