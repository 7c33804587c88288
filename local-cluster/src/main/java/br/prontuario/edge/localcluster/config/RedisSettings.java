package br.prontuario.edge.localcluster.config;

import java.time.Duration;

/** Redis master/replica and the Sentinels that elect between them. */
public record RedisSettings(
    String masterName, int quorum, Duration downAfter, Duration failoverTimeout, int port,
    int sentinelPort) {

  public RedisSettings {
    Check.that(masterName != null && masterName.matches("[A-Za-z0-9_-]+"),
        "redis.masterName must be a simple name, was '%s'", masterName);
    Check.that(quorum >= 1 && quorum <= 3, "redis.quorum must be 1-3 (there are 3 sentinels), was %d", quorum);
    Check.positive(downAfter, "redis.downAfter");
    Check.positive(failoverTimeout, "redis.failoverTimeout");
    Check.port(port, "redis.port");
    Check.port(sentinelPort, "redis.sentinelPort");
  }
}
