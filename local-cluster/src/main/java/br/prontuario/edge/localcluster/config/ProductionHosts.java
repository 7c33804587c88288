package br.prontuario.edge.localcluster.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * What {@code edgectl render} writes into the Mac Studios' and the witness's files: their
 * addresses, folders and the production timing (the local values are tuned for fast drills).
 */
public record ProductionHosts(
    @JsonProperty("node-a") String nodeA,
    @JsonProperty("node-b") String nodeB,
    String witness,
    String baseDir,
    String postgresBinDir,
    String tlsCertificate,
    Duration patroniTtl,
    Duration patroniLoopWait,
    Duration patroniRetryTimeout,
    Duration patroniWalSenderTimeout,
    Duration sentinelDownAfter,
    Duration sentinelFailoverTimeout,
    String entryVirtualIp,
    String vrrpInterface) {

  public ProductionHosts {
    Check.notBlank(nodeA, "production.node-a");
    Check.notBlank(nodeB, "production.node-b");
    Check.notBlank(witness, "production.witness");
    Check.that(baseDir != null && baseDir.startsWith("/"), "production.baseDir must be an absolute path");
    Check.notBlank(postgresBinDir, "production.postgresBinDir");
    Check.notBlank(tlsCertificate, "production.tlsCertificate");
    Check.positive(patroniTtl, "production.patroniTtl");
    Check.positive(patroniLoopWait, "production.patroniLoopWait");
    Check.positive(patroniRetryTimeout, "production.patroniRetryTimeout");
    Check.positive(patroniWalSenderTimeout, "production.patroniWalSenderTimeout");
    Check.positive(sentinelDownAfter, "production.sentinelDownAfter");
    Check.positive(sentinelFailoverTimeout, "production.sentinelFailoverTimeout");
    entryVirtualIp = entryVirtualIp == null ? "" : entryVirtualIp.strip();
    vrrpInterface = vrrpInterface == null || vrrpInterface.isBlank() ? "eth0" : vrrpInterface.strip();
    Check.that(entryVirtualIp.isEmpty() || entryVirtualIp.matches("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}"),
        "production.entryVirtualIp must be an IPv4 address with its prefix (10.20.0.10/24) or empty, was '%s'",
        entryVirtualIp);
  }

  /** The floating entry address without its prefix length, or "" when none is configured. */
  public String entryVirtualAddress() {
    return entryVirtualIp.isEmpty() ? "" : entryVirtualIp.substring(0, entryVirtualIp.indexOf('/'));
  }

  public String host(NodeName node) {
    return switch (node) {
      case NODE_A -> nodeA;
      case NODE_B -> nodeB;
      case WITNESS -> witness;
    };
  }

  /** The cluster's Patroni settings with the production timing. */
  public PatroniSettings patroni(PatroniSettings local) {
    return new PatroniSettings(local.scope(), patroniTtl, patroniLoopWait, patroniRetryTimeout,
        local.synchronousMode(), local.synchronousModeStrict(), local.maximumLagOnFailover(),
        patroniWalSenderTimeout, local.restApiPort());
  }

  public RedisSettings redis(RedisSettings local) {
    return new RedisSettings(local.masterName(), local.quorum(), sentinelDownAfter,
        sentinelFailoverTimeout, local.port(), local.sentinelPort());
  }
}
