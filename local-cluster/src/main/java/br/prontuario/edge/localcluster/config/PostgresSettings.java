package br.prontuario.edge.localcluster.config;

/** Where PostgreSQL lives and the database the edge-nodes use. */
public record PostgresSettings(String binDir, int port, String database, String appUser) {

  public PostgresSettings {
    binDir = binDir == null ? "" : binDir.strip();
    Check.port(port, "postgres.port");
    Check.that(database != null && database.matches("[a-z_][a-z0-9_]{0,62}"),
        "postgres.database must be a lower-case identifier, was '%s'", database);
    Check.that(appUser != null && appUser.matches("[a-z_][a-z0-9_]{0,62}"),
        "postgres.appUser must be a lower-case identifier, was '%s'", appUser);
  }
}
