package br.prontuario.edge.testsupport.servers;

import br.prontuario.edge.localcluster.postgres.PostgresServer;

/**
 * One real PostgreSQL server per test JVM, started on first use under {@code target/} and
 * stopped when the JVM exits. Each test class takes its own database from it.
 */
public final class SharedPostgres {

  private static PostgresServer server;

  private SharedPostgres() {}

  public static synchronized PostgresServer server() {
    if (server == null) {
      server = TargetFolders.stopAtExit(PostgresServer.start(TargetFolders.fresh("pg-")),
          "shared-postgres");
    }
    return server;
  }

  /** A fresh database on the shared server, for one test class. */
  public static String database(String name) {
    return server().createDatabase(name);
  }
}
