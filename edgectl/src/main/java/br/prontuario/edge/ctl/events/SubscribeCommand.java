package br.prontuario.edge.ctl.events;

import br.prontuario.edge.ctl.users.ClusterDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code edgectl events subscribe NAME --url URL --secret-stdin}: a webhook subscriber receives
 * every clinical event written from now on; subscribing an existing name changes its URL and
 * secret (rotation) and keeps what it is owed. The secret is read from standard input, never
 * from the command line ({@code ps} shows that).
 */
@Command(name = "subscribe", description = "Add a webhook subscriber, or change one's URL and secret.",
    mixinStandardHelpOptions = true)
public final class SubscribeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "lower-case letters, digits, '-'")
  String name;

  @Option(names = "--url", required = true, description = "where to POST each event (http/https)")
  String url;

  @Option(names = "--secret-stdin", required = true,
      description = "read the shared signing secret (16+ characters) from standard input")
  boolean secretStdin;

  @Option(names = "--dir", description = "cluster folder (default <repo>/.state/cluster)")
  Path dir;

  @Override
  public Integer call() throws IOException, SQLException {
    if (!name.matches("[a-z0-9][a-z0-9-]{0,39}")) {
      throw refusal("subscriber name must be lower-case letters, digits and '-', was '" + name
          + "'");
    }
    URI target;
    try {
      target = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw refusal("--url is not a URL: " + url);
    }
    if (!("http".equals(target.getScheme()) || "https".equals(target.getScheme()))
        || target.getHost() == null) {
      throw refusal("--url must be an http or https URL with a host, was " + url);
    }
    String secret = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
        .readLine();
    if (secret == null || secret.strip().length() < 16) {
      throw refusal("the secret on standard input must have 16 characters or more");
    }
    try (Connection c = ClusterDatabase.read(dir).connect();
        PreparedStatement upsert = c.prepareStatement("INSERT INTO webhook_subscribers (name, url,"
            + " secret) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET url = excluded.url,"
            + " secret = excluded.secret")) {
      upsert.setString(1, name);
      upsert.setString(2, url);
      upsert.setString(3, secret.strip());
      upsert.executeUpdate();
    }
    spec.commandLine().getOut().println("subscriber " + name + " receives events at " + url);
    return 0;
  }

  /** A usage mistake: edgectl's handler prints it on one line and exits 2. */
  private ParameterException refusal(String why) {
    return new ParameterException(spec.commandLine(), why);
  }
}
