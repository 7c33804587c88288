package br.prontuario.edge.ctl.events;

import br.prontuario.edge.ctl.users.ClusterDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code edgectl events unsubscribe NAME}: no new events for it; what it was still owed is marked
 * dead ("unsubscribed"), so {@code events dlq list} shows what it never received.
 */
@Command(name = "unsubscribe", description = "Remove a webhook subscriber.",
    mixinStandardHelpOptions = true)
public final class UnsubscribeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Option(names = "--dir", description = "cluster folder (default <repo>/.state/cluster)")
  Path dir;

  @Override
  public Integer call() throws SQLException {
    int removed;
    int owed;
    try (Connection c = ClusterDatabase.read(dir).connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement delete = c.prepareStatement(
              "DELETE FROM webhook_subscribers WHERE name = ?");
          PreparedStatement abandon = c.prepareStatement("UPDATE webhook_deliveries SET"
              + " status = 'dead', last_error = 'unsubscribed' WHERE subscriber = ?"
              + " AND status = 'pending'")) {
        delete.setString(1, name);
        removed = delete.executeUpdate();
        abandon.setString(1, name);
        owed = abandon.executeUpdate();
      }
      c.commit();
    }
    if (removed == 0) {
      throw new IllegalStateException("no subscriber named " + name);
    }
    spec.commandLine().getOut().println("subscriber " + name + " removed; " + owed
        + " events it had not received are in the dead-letter list");
    return 0;
  }
}
