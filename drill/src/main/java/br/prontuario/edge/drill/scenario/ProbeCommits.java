package br.prontuario.edge.drill.scenario;

import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.patroni.PatroniConfig;
import br.prontuario.edge.localcluster.tls.ClusterTrust;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Commits a transaction on one node's PostgreSQL that writes one WAL record and no table: a
 * transactional logical message ({@code pg_logical_emit_message}), as the superuser, over TLS
 * checked against the cluster CA. Under synchronous replication the commit returns only once the
 * standby confirmed it, so an answer means that node was a primary acknowledging writes at that
 * moment. ({@code SELECT txid_current()} would not do: a transaction that wrote no WAL before its
 * commit record commits asynchronously and never waits for the standby, so a cut-off primary
 * answers it; the first partition drill counted 13 such false acknowledgements.) A commit still waiting after
 * {@link #TIMEOUT_SECONDS} is not an acknowledgement: the connection is dropped (a later probe
 * opens a new one) and the client never sees it succeed.
 */
final class ProbeCommits {

  static final int TIMEOUT_SECONDS = 2;

  private final EdgeCluster cluster;
  // one prober thread per node: a probe waiting on one node never delays the other's
  private final Map<NodeName, Connection> open = new ConcurrentHashMap<>();

  ProbeCommits(EdgeCluster cluster) {
    this.cluster = cluster;
  }

  boolean acknowledges(NodeName node) {
    try {
      Connection connection = open.get(node);
      if (connection == null) {
        connection = connect(node);
        open.put(node, connection);
      }
      try (Statement statement = connection.createStatement()) {
        // a standby refuses the write anyway: asking first keeps its log free of the refusals
        try (ResultSet recovery = statement.executeQuery("SELECT pg_is_in_recovery()")) {
          if (recovery.next() && recovery.getBoolean(1)) {
            return false;
          }
        }
        statement.execute("SELECT pg_logical_emit_message(true, 'prontuario-drill-probe', '')");
        // a commit whose wait for the standby was cancelled is local only: not acknowledged
        return statement.getWarnings() == null;
      }
    } catch (SQLException notAcknowledged) {
      if (!connected(notAcknowledged)) {
        close(node); // timed out or cut: a later probe opens a new connection
      }
      return false;
    }
  }

  /** An answer that refused the statement leaves the connection usable; a lost one does not. */
  private static boolean connected(SQLException e) {
    String state = e.getSQLState();
    return state != null && !state.startsWith("08") && !state.startsWith("57");
  }

  private Connection connect(NodeName node) throws SQLException {
    var layout = cluster.layout();
    String url = "jdbc:postgresql://" + layout.host(node) + ":" + layout.ports(node).postgres()
        + "/postgres?connectTimeout=" + TIMEOUT_SECONDS + "&socketTimeout=" + TIMEOUT_SECONDS
        + "&" + ClusterTrust.jdbcVerifyFull(cluster.tls().caCertificate())
        + "&ApplicationName=drill-probe";
    return DriverManager.getConnection(url, PatroniConfig.SUPERUSER,
        cluster.secrets().superuserPassword());
  }

  private void close(NodeName node) {
    Connection connection = open.remove(node);
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // already broken: that is why it is being closed
      }
    }
  }
}
