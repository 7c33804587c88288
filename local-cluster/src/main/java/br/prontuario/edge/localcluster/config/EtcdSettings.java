package br.prontuario.edge.localcluster.config;

import java.time.Duration;

/** The three-member etcd cluster Patroni keeps its leader lock in. */
public record EtcdSettings(
    String clusterToken, Duration heartbeatInterval, Duration electionTimeout, int clientPort,
    int peerPort) {

  public EtcdSettings {
    Check.notBlank(clusterToken, "etcd.clusterToken");
    Check.positive(heartbeatInterval, "etcd.heartbeatInterval");
    Check.positive(electionTimeout, "etcd.electionTimeout");
    Check.that(electionTimeout.compareTo(heartbeatInterval.multipliedBy(5)) >= 0,
        "etcd.electionTimeout must be at least 5 x etcd.heartbeatInterval");
    Check.port(clientPort, "etcd.clientPort");
    Check.port(peerPort, "etcd.peerPort");
  }
}
