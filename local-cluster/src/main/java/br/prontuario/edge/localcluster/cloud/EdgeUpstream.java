package br.prontuario.edge.localcluster.cloud;

/**
 * One edge database node the cloud standby may follow. With a Patroni REST port the replication
 * gateway sends the stream only to the node whose Patroni answers {@code /primary} with 200, so
 * the cloud follows edge failovers; without one it is a plain TCP upstream.
 */
public record EdgeUpstream(String name, String host, int postgresPort, Integer patroniPort) {}
