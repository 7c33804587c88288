package br.prontuario.edge.localcluster.rotation;

import br.prontuario.edge.localcluster.cloud.CloudSite;
import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.process.Pause;
import br.prontuario.edge.site.patroni.PatroniClient;
import br.prontuario.edge.site.patroni.PatroniCredentials;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A new password for Patroni's unsafe REST endpoints (switchover, failover, restart, config,
 * reload) on both nodes and the dark cloud site, without a restart: each member's {@code
 * patroni.yml} is written again and a {@code POST /reload} makes Patroni take it. Patroni holds one
 * password at a time, so every caller started since the rotation began carries the previous one
 * too and sends it when a member refuses the new ({@code PatroniCredentials#previous}); then each
 * member is asked until it takes the new password and refuses the old.
 */
public final class PatroniRestPassword {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  private final EdgeCluster cluster;
  private final PatroniCredentials retired;
  private final Duration timeout;
  private final Consumer<String> progress;

  /**
   * @param cluster the cluster, loaded with the new secrets
   * @param retired the credentials being replaced
   */
  public PatroniRestPassword(EdgeCluster cluster, PatroniCredentials retired, Duration timeout,
      Consumer<String> progress) {
    this.cluster = cluster;
    this.retired = retired;
    this.timeout = timeout;
    this.progress = progress;
  }

  public void run() {
    for (NodeName node : NodeName.values()) {
      if (node.isDataNode()) {
        progress.accept("Patroni on " + node.id() + ": a new password for its unsafe REST endpoints");
        cluster.rewritePatroniConfig(node);
        cluster.reloadPatroni(node);
      }
    }
    if (CloudSite.isLaunched(cluster)) {
      progress.accept("the cloud Patroni: a new password for its unsafe REST endpoints");
      CloudSite.reloadPatroniConfig(cluster);
    }
    awaitNewPasswordEverywhere();
  }

  /** Every Patroni REST API of the cluster, by name. */
  public Map<String, String> urls() {
    Map<String, String> urls = new LinkedHashMap<>();
    for (NodeName node : NodeName.values()) {
      if (node.isDataNode()) {
        urls.put(node.id() + "'s Patroni", cluster.layout().patroniUrl(node));
      }
    }
    if (CloudSite.isLaunched(cluster)) {
      urls.put("the cloud Patroni", CloudSite.dataPlane(cluster).patroniUrl());
    }
    return urls;
  }

  private void awaitNewPasswordEverywhere() {
    PatroniCredentials fresh = cluster.secrets().patroniRest();
    PatroniClient newOnly = new PatroniClient(REQUEST_TIMEOUT, fresh, cluster.tls().caCertificate());
    PatroniClient oldOnly = new PatroniClient(REQUEST_TIMEOUT,
        new PatroniCredentials(retired.username(), retired.password()), cluster.tls().caCertificate());
    boolean passwordChanged = !fresh.password().equals(retired.password());
    for (var entry : urls().entrySet()) {
      Instant deadline = Instant.now().plus(timeout);
      while (true) {
        // a reload is harmless: asking for one is how to learn which password a member takes
        int withNew = newOnly.reload(entry.getValue()).status();
        int withOld = passwordChanged ? oldOnly.reload(entry.getValue()).status() : 401;
        if (withNew / 100 == 2 && withOld == 401) {
          break;
        }
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(entry.getKey() + " did not take its new REST password within "
              + timeout + " (the new password got " + withNew + ", the old " + withOld + ")");
        }
        Pause.millis(1_000);
      }
    }
  }

}
