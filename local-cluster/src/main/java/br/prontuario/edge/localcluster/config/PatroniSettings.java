package br.prontuario.edge.localcluster.config;

import java.time.Duration;

/** Patroni's cluster-wide (DCS) settings; see the YAML comments for the production values. */
public record PatroniSettings(
    String scope,
    Duration ttl,
    Duration loopWait,
    Duration retryTimeout,
    boolean synchronousMode,
    boolean synchronousModeStrict,
    long maximumLagOnFailover,
    Duration walSenderTimeout,
    int restApiPort) {

  public PatroniSettings {
    Check.that(scope != null && scope.matches("[a-z][a-z0-9-]*"),
        "patroni.scope must be a lower-case name, was '%s'", scope);
    Check.positive(ttl, "patroni.ttl");
    Check.positive(loopWait, "patroni.loopWait");
    Check.positive(retryTimeout, "patroni.retryTimeout");
    Check.that(loopWait.plus(retryTimeout.multipliedBy(2)).compareTo(ttl) <= 0,
        "patroni.loopWait + 2 x patroni.retryTimeout (%ss) must not exceed patroni.ttl (%ss)",
        loopWait.plus(retryTimeout.multipliedBy(2)).toSeconds(), ttl.toSeconds());
    Check.that(ttl.toMillis() % 1000 == 0 && loopWait.toMillis() % 1000 == 0
            && retryTimeout.toMillis() % 1000 == 0,
        "patroni.ttl, loopWait and retryTimeout are whole seconds");
    Check.that(!synchronousModeStrict || synchronousMode,
        "patroni.synchronousModeStrict needs patroni.synchronousMode: true");
    Check.that(maximumLagOnFailover >= 0, "patroni.maximumLagOnFailover must not be negative");
    Check.positive(walSenderTimeout, "patroni.walSenderTimeout");
    Check.that(walSenderTimeout.toMillis() % 1000 == 0 && walSenderTimeout.compareTo(ttl) < 0,
        "patroni.walSenderTimeout must be whole seconds and shorter than patroni.ttl");
    Check.port(restApiPort, "patroni.restApiPort");
  }
}
