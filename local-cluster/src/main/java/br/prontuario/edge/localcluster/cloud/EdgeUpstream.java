package br.prontuario.edge.localcluster.cloud;

import java.nio.file.Path;

/**
 * One edge database node the cloud standby may follow. With a Patroni REST port the replication
 * gateway sends the stream only to the node whose Patroni answers {@code /primary} with 200, so
 * the cloud follows edge failovers; without one it is a plain TCP upstream. {@code patroniCa}: the
 * CA of the REST API's certificate when it speaks TLS (the edge's does), else null.
 */
public record EdgeUpstream(String name, String host, int postgresPort, Integer patroniPort, Path patroniCa) {

  /** Patroni's REST API base URL; null without a port. */
  public String patroniUrl() {
    return patroniPort == null ? null
        : (patroniCa == null ? "http://" : "https://") + host + ":" + patroniPort;
  }
}
