package br.prontuario.edge.localcluster.backup;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Continuous WAL archiving through pgBackRest, added to a node's {@code patroni.yml} as local
 * PostgreSQL parameters. Every node carries it; with {@code archive_mode=on} only the primary
 * archives, so after a failover or switchover the new primary takes over archiving by itself.
 */
public final class PgBackRestArchiving {

  /** Forces a WAL segment switch when writes are few: bounds how old the archive can be. */
  public static final String ARCHIVE_TIMEOUT = "60s";

  private PgBackRestArchiving() {}

  public static String archiveCommand(String pgbackrest, String stanza, String config) {
    return quoted(pgbackrest) + " --config=" + quoted(config) + " --stanza=" + stanza + " archive-push %p";
  }

  /** The Patroni configuration map with archiving added to {@code postgresql.parameters}. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> addTo(Map<String, Object> patroniYml, String archiveCommand) {
    Map<String, Object> postgresql = new LinkedHashMap<>((Map<String, Object>) patroniYml.get("postgresql"));
    Map<String, Object> parameters = new LinkedHashMap<>(
        (Map<String, Object>) postgresql.getOrDefault("parameters", Map.of()));
    parameters.put("archive_mode", "on");
    parameters.put("archive_command", archiveCommand);
    parameters.put("archive_timeout", ARCHIVE_TIMEOUT);
    postgresql.put("parameters", parameters);
    Map<String, Object> result = new LinkedHashMap<>(patroniYml);
    result.put("postgresql", postgresql);
    return result;
  }

  /** PostgreSQL runs archive_command through the shell. */
  private static String quoted(String path) {
    if (path.contains("'")) {
      throw new IllegalArgumentException("a path with a quote cannot go into archive_command: " + path);
    }
    return path.matches("[A-Za-z0-9_./@+=-]+") ? path : "'" + path + "'";
  }
}
