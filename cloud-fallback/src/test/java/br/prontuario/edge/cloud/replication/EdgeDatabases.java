package br.prontuario.edge.cloud.replication;

import java.time.Duration;

/** An {@link EdgeDatabase} pool on a test's own edge database, beside the context's one. */
public final class EdgeDatabases {

  private EdgeDatabases() {}

  public static EdgeDatabase at(String jdbcUrl) {
    return new EdgeDatabase(new ReplicationProperties(jdbcUrl, "postgres", "",
        Duration.ofSeconds(1)));
  }
}
