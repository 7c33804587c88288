package br.prontuario.edge.localcluster.backup;

import br.prontuario.edge.localcluster.cluster.ClusterLayout;
import br.prontuario.edge.localcluster.config.NodeName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * pgBackRest for the production hosts, what {@code edgectl render} writes. repo1 is a posix
 * repository on the witness (the nodes reach it over SSH as {@code postgres}); repo2 is Google
 * Cloud Storage, encrypted by pgBackRest before upload. Both nodes push WAL; only the primary
 * does, because {@code archive_mode=on}.
 */
public final class ProductionBackups {

  public static final String CONFIG = "/etc/pgbackrest/pgbackrest.conf";
  public static final String REPO1_PATH = "/var/lib/pgbackrest";
  public static final String GCS_KEY = "/etc/pgbackrest/gcs-key.json";
  public static final String LOG_PATH = "/var/log/pgbackrest";
  public static final String SPOOL_PATH = "/var/spool/pgbackrest";

  private ProductionBackups() {}

  /** The witness: the repository host, where scheduled backups and restores run. */
  public static PgBackRestConf witness(ClusterLayout layout, BackupPolicy policy, String pgData) {
    Map<String, String> g = repo2(policy);
    g.put("repo1-path", REPO1_PATH);
    g.put("repo1-retention-full", Integer.toString(policy.localFullRetention()));
    g.put("repo1-retention-diff", Integer.toString(policy.localDiffRetention()));
    common(g);
    return PgBackRestConf.of(policy.stanza(), g, List.of(
        new PgBackRestConf.Database(layout.host(NodeName.NODE_A), pgData, layout.ports(NodeName.NODE_A).postgres(), null),
        new PgBackRestConf.Database(layout.host(NodeName.NODE_B), pgData, layout.ports(NodeName.NODE_B).postgres(), null)));
  }

  /** A data node: archive-push (asynchronous, bounded queue) to the witness and to GCS. */
  public static PgBackRestConf node(NodeName node, ClusterLayout layout, BackupPolicy policy, String pgData) {
    Map<String, String> g = repo2(policy);
    g.put("repo1-host", layout.host(NodeName.WITNESS));
    g.put("repo1-host-user", "postgres");
    g.put("repo1-path", REPO1_PATH);
    // WAL is acknowledged to PostgreSQL once spooled; if a repository is unreachable for long,
    // pgBackRest drops WAL beyond the queue instead of filling the node's disk (the next backup
    // restarts the chain; edgectl backup check and the alert say so)
    g.put("archive-async", "y");
    g.put("spool-path", SPOOL_PATH);
    g.put("archive-push-queue-max", "4GiB");
    common(g);
    return PgBackRestConf.of(policy.stanza(), g, List.of(
        new PgBackRestConf.Database(null, pgData, layout.ports(node).postgres(), null)));
  }

  private static Map<String, String> repo2(BackupPolicy policy) {
    Map<String, String> g = new LinkedHashMap<>();
    g.put("repo2-type", "gcs");
    g.put("repo2-gcs-bucket", policy.gcsBucket());
    g.put("repo2-gcs-key", GCS_KEY);
    g.put("repo2-path", "/" + policy.stanza());
    g.put("repo2-retention-full", Integer.toString(policy.offsiteFullRetention()));
    g.put("repo2-cipher-type", policy.offsiteCipher());
    g.put("repo2-cipher-pass", "CHANGE-ME (from the secret store; losing it loses repo2)");
    return g;
  }

  private static void common(Map<String, String> g) {
    g.put("compress-type", "lz4");
    g.put("start-fast", "y");
    g.put("log-path", LOG_PATH);
    g.put("log-level-file", "info");
  }
}
