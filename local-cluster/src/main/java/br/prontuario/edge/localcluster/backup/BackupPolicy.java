package br.prontuario.edge.localcluster.backup;

/**
 * What the backups keep and how the off-site copy is protected. The same policy drives the local
 * cluster and {@code edgectl render}.
 *
 * @param stanza pgBackRest's name for this PostgreSQL cluster
 * @param localFullRetention full backups kept in repo1 (the witness's disk); older ones and the
 *     WAL only they need are expired after each backup
 * @param localDiffRetention differential backups kept in repo1
 * @param offsiteFullRetention full backups kept in repo2 (GCS in production): longer, it is the
 *     copy that survives losing the hospital's machine room
 * @param offsiteCipher repo2 is encrypted client-side: GCS never sees clinical data in clear
 * @param gcsBucket production bucket of repo2
 */
public record BackupPolicy(String stanza, int localFullRetention, int localDiffRetention,
    int offsiteFullRetention, String offsiteCipher, String gcsBucket) {

  public static final BackupPolicy STANDARD =
      new BackupPolicy("edge", 2, 7, 4, "aes-256-cbc", "prontuario-edge-backups");

  public BackupPolicy {
    if (!stanza.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("stanza must be a lower-case name: " + stanza);
    }
    if (localFullRetention < 1 || localDiffRetention < 1 || offsiteFullRetention < 1) {
      throw new IllegalArgumentException("every retention must keep at least one backup");
    }
  }
}
