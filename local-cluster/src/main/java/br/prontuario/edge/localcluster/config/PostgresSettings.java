package br.prontuario.edge.localcluster.config;

/**
 * Where PostgreSQL lives and the database the edge-nodes use. {@code appUser} is the role the apps
 * connect as; {@link #ownerUser()} owns the schema and runs the migrations.
 */
public record PostgresSettings(String binDir, int port, String database, String appUser) {

  public PostgresSettings {
    binDir = binDir == null ? "" : binDir.strip();
    Check.port(port, "postgres.port");
    Check.that(database != null && database.matches("[a-z_][a-z0-9_]{0,62}"),
        "postgres.database must be a lower-case identifier, was '%s'", database);
    // 56 leaves room for "_owner" within PostgreSQL's 63 characters
    Check.that(appUser != null && appUser.matches("[a-z_][a-z0-9_]{0,55}"),
        "postgres.appUser must be a lower-case identifier of at most 56 characters, was '%s'",
        appUser);
  }

  /** The role that owns the database and its schema; only migrations log in as it. */
  public String ownerUser() {
    return appUser + "_owner";
  }
}
