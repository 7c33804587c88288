package br.prontuario.edge.localcluster.backup;

import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backups of one local cluster, run from the witness's configuration: the stanza, full and
 * differential backups into both repositories, what the repositories hold, and the check that
 * WAL archiving works from the current primary.
 */
public final class ClusterBackups {

  public static final List<Integer> REPOSITORIES = List.of(1, 2);
  private static final Duration TIMEOUT = Duration.ofMinutes(30);

  private final LocalBackups files;
  private final PgBackRest pgbackrest;

  public ClusterBackups(EdgeCluster cluster) {
    this.files = new LocalBackups(cluster.stateDir(), BackupPolicy.STANDARD);
    files.writeRepositoryHostConfig(cluster.layout());
    this.pgbackrest = new PgBackRest(files.repositoryHostConfig(), files.policy().stanza(), TIMEOUT);
  }

  public LocalBackups files() {
    return files;
  }

  /**
   * What {@code edgectl up} does: the stanza (idempotent) and, in a repository with no backup
   * yet, a first full one, so a point-in-time restore is possible from the start.
   */
  public List<String> ensureReady() {
    pgbackrest.stanzaCreate().orThrow();
    List<String> done = new ArrayList<>();
    for (int repo : REPOSITORIES) {
      if (backups(repo).isEmpty()) {
        pgbackrest.backup("full", repo).orThrow();
        done.add("full backup in repo" + repo);
      }
    }
    return done;
  }

  /** One backup of the given type into each repository (retention expires old ones after). */
  public void backupNow(String type) {
    if (!List.of("full", "diff", "incr").contains(type)) {
      throw new IllegalArgumentException("backup type must be full, diff or incr, not " + type);
    }
    for (int repo : REPOSITORIES) {
      pgbackrest.backup(type, repo).orThrow();
    }
  }

  /** pgBackRest's own report of both repositories, for people. */
  public String describe() {
    return pgbackrest.info().orThrow();
  }

  public PgBackRest.Outcome check() {
    return pgbackrest.check();
  }

  /** The backups in one repository, oldest first. */
  public List<BackupSet> backups(int repo) {
    JsonNode info = JsonMapper.builder().build().readTree(pgbackrest.infoJson().orThrow());
    List<BackupSet> sets = new ArrayList<>();
    for (JsonNode stanza : info) {
      for (JsonNode b : stanza.path("backup")) {
        if (b.path("database").path("repo-key").asInt() == repo) {
          sets.add(new BackupSet(repo, b.path("label").asString(), b.path("type").asString(),
              b.path("timestamp").path("start").asLong(), b.path("timestamp").path("stop").asLong(),
              b.path("info").path("size").asLong(), b.path("info").path("repository").path("delta").asLong()));
        }
      }
    }
    return sets;
  }

  /**
   * One backup in a repository.
   *
   * @param databaseBytes size of the PostgreSQL cluster it restores
   * @param storedBytes what this backup added to the repository (compressed, without what an
   *     earlier backup already holds)
   */
  public record BackupSet(int repo, String label, String type, long startEpoch, long stopEpoch,
      long databaseBytes, long storedBytes) {}
}
