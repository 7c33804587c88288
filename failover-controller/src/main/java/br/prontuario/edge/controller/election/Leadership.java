package br.prontuario.edge.controller.election;

import java.util.Optional;

/**
 * Which controller replica may act. Two real implementations: a lease in etcd (bare metal, the same
 * etcd Patroni uses) and a Kubernetes Lease (fabric8 LeaderElector). Followers observe and report.
 */
public interface Leadership extends AutoCloseable {

  void start();

  /** True only while this replica holds a lease that cannot yet have expired elsewhere. */
  boolean isLeader();

  /** The current holder's identity, when known. */
  Optional<String> leader();

  String identity();

  /** Gives the lease up so another replica can take over at once. */
  @Override
  void close();
}
