package br.prontuario.edge.ctl.events;

import br.prontuario.edge.ctl.users.ClusterDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code edgectl events dlq replay [--subscriber S] [--event ID]}: puts dead deliveries back to
 * pending with a fresh count of attempts; the relay delivers them in event order on its next round.
 */
@Command(name = "replay", description = "Send dead webhook deliveries again.",
    mixinStandardHelpOptions = true)
public final class DlqReplayCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--dir", description = "cluster folder (default <repo>/.state/cluster)")
  Path dir;

  @Option(names = "--subscriber", description = "only this subscriber's")
  String subscriber;

  @Option(names = "--event", description = "only this event (its eventId)")
  UUID event;

  @Override
  public Integer call() throws SQLException {
    int replayed;
    try (Connection c = ClusterDatabase.read(dir).connect();
        PreparedStatement u = c.prepareStatement("UPDATE webhook_deliveries d SET"
            + " status = 'pending', attempts = 0, next_attempt_at = now(), last_error = NULL"
            + " WHERE d.status = 'dead' AND (?::text IS NULL OR d.subscriber = ?)"
            + " AND (?::uuid IS NULL OR d.event_seq = (SELECT seq FROM outbox_events"
            + " WHERE event_id = ?::uuid))")) {
      u.setString(1, subscriber);
      u.setString(2, subscriber);
      u.setObject(3, event);
      u.setObject(4, event);
      replayed = u.executeUpdate();
    }
    if (replayed == 0) {
      throw new IllegalStateException("no dead delivery matches");
    }
    spec.commandLine().getOut().println(replayed + " deliveries back to pending");
    return 0;
  }
}
