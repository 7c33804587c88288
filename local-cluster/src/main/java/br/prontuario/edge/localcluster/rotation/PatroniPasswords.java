package br.prontuario.edge.localcluster.rotation;

import br.prontuario.edge.localcluster.cloud.CloudSite;
import br.prontuario.edge.localcluster.cluster.ClusterSecrets;
import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.patroni.PatroniConfig;
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
 * New passwords for everything Patroni logs in with or asks for, on both nodes and the dark cloud
 * site, without a restart: the database roles it uses (superuser, replication, rewind) and its
 * unsafe REST endpoints (switchover, failover, restart, config, reload).
 *
 * <p>The roles get their new passwords first, on the primary; sessions already open (Patroni's
 * own, each standby's WAL stream) are not asked again. Then each member's {@code patroni.yml} is
 * written again and a {@code POST /reload} makes Patroni take it. A standby whose stream stays up
 * keeps its {@code pgpass} until Patroni writes it again: when the stream next reconnects, or when
 * the member is demoted, as the rotation's switchover does to the old primary.
 *
 * <p>Patroni's REST API holds one password at a time, so every caller started since the rotation
 * began carries the previous one too and sends it when a member refuses the new ({@code
 * PatroniCredentials#previous}); each member is asked until it takes the new password and refuses
 * the old.
 */
public final class PatroniPasswords {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  private final EdgeCluster cluster;
  private final ClusterSecrets retired;
  private final Duration timeout;
  private final Consumer<String> progress;

  /**
   * @param cluster the cluster, loaded with the new secrets
   * @param retired the secrets being replaced
   */
  public PatroniPasswords(EdgeCluster cluster, ClusterSecrets retired, Duration timeout,
      Consumer<String> progress) {
    this.cluster = cluster;
    this.retired = retired;
    this.timeout = timeout;
    this.progress = progress;
  }

  public void run() {
    ClusterSecrets fresh = cluster.secrets();
    progress.accept("PostgreSQL: new passwords for Patroni's roles " + PatroniConfig.REPLICATION_USER
        + ", " + PatroniConfig.REWIND_USER + " and " + PatroniConfig.SUPERUSER);
    Map<String, String> roles = new LinkedHashMap<>();
    roles.put(PatroniConfig.REPLICATION_USER, fresh.replicationPassword());
    roles.put(PatroniConfig.REWIND_USER, fresh.rewindPassword());
    roles.put(PatroniConfig.SUPERUSER, fresh.superuserPassword()); // last: the session is its
    new DatabasePasswords(cluster, retired.superuserPassword()).set(roles);
    for (NodeName node : NodeName.values()) {
      if (node.isDataNode()) {
        progress.accept("Patroni on " + node.id() + ": its new database passwords and a new password"
            + " for its unsafe REST endpoints");
        cluster.rewritePatroniConfig(node);
        cluster.reloadPatroni(node);
      }
    }
    if (CloudSite.isLaunched(cluster)) {
      progress.accept("the cloud Patroni: its new database passwords and a new password for its"
          + " unsafe REST endpoints");
      CloudSite.reloadPatroniConfig(cluster);
    }
    awaitNewRestPasswordEverywhere();
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

  private void awaitNewRestPasswordEverywhere() {
    PatroniCredentials fresh = cluster.secrets().patroniRest();
    PatroniCredentials retired = this.retired.patroniRest();
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
