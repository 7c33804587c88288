package br.prontuario.edge.controller.election;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Leadership on a coordination.k8s.io Lease through fabric8's LeaderElector. */
public final class KubernetesLeadership implements Leadership {

  private static final Logger log = LoggerFactory.getLogger(KubernetesLeadership.class);

  private final KubernetesClient client;
  private final String namespace;
  private final String leaseName;
  private final String identity;
  private final Duration leaseDuration;
  private volatile boolean leading;
  private volatile String holder;
  private CompletableFuture<?> running;

  public KubernetesLeadership(KubernetesClient client, String namespace, String leaseName, String identity,
      Duration leaseDuration) {
    this.client = client;
    this.namespace = namespace;
    this.leaseName = leaseName;
    this.identity = identity;
    this.leaseDuration = leaseDuration;
  }

  @Override
  public synchronized void start() {
    var config = new LeaderElectionConfigBuilder()
        .withName(leaseName)
        .withLeaseDuration(leaseDuration)
        .withRenewDeadline(leaseDuration.multipliedBy(2).dividedBy(3))
        .withRetryPeriod(leaseDuration.dividedBy(5))
        .withReleaseOnCancel(true)
        .withLock(new LeaseLock(namespace, leaseName, identity))
        .withLeaderCallbacks(new LeaderCallbacks(
            () -> {
              leading = true;
              log.info("{} became the acting failover controller (Lease {}/{})", identity, namespace, leaseName);
            },
            () -> leading = false,
            newLeader -> holder = newLeader))
        .build();
    running = client.leaderElector().withConfig(config).build().start();
  }

  @Override
  public boolean isLeader() {
    return leading;
  }

  @Override
  public Optional<String> leader() {
    return Optional.ofNullable(holder);
  }

  @Override
  public String identity() {
    return identity;
  }

  @Override
  public synchronized void close() {
    leading = false;
    if (running != null) {
      running.cancel(true);
    }
  }
}
