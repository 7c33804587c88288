package br.prontuario.edge.ctl.users;

import br.prontuario.edge.common.audit.AuditChain;
import br.prontuario.edge.common.audit.AuditEvent;
import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.common.user.PasswordHasher;
import br.prontuario.edge.common.user.UserRecords;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code edgectl users add USER --role ROLE --password-stdin [--dir DIR]}. */
@Command(name = "add", description = "Create a user; the password is read from standard input.",
    mixinStandardHelpOptions = true)
public final class UsersAddCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "USER", description = "login name [a-z0-9._-], 2-64")
  String username;

  @Option(names = "--role", required = true,
      description = "physician, nurse, admin, auditor or it-ops")
  String role;

  @Option(names = "--password-stdin", required = true,
      description = "read the password from the first line of standard input")
  boolean passwordStdin;

  @Option(names = "--dir", description = "cluster folder (default <repo>/.state/cluster)")
  Path dir;

  @Override
  public Integer call() throws IOException, SQLException {
    if (!username.matches("[a-z0-9._-]{2,64}")) {
      throw new IllegalArgumentException("user names are 2-64 of [a-z0-9._-]");
    }
    Role parsed = Role.fromClaim(role).orElseThrow(() -> new IllegalArgumentException(
        "unknown role " + role + " (physician, nurse, admin, auditor, it-ops)"));
    char[] password = readPassword();
    try {
      if (password.length < 8) {
        throw new IllegalArgumentException("the password needs at least 8 characters");
      }
      create(ClusterDatabase.read(dir), parsed, new PasswordHasher().hash(password));
    } finally {
      Arrays.fill(password, '\0');
    }
    spec.commandLine().getOut().println("created user " + username + " (" + parsed.claim() + ")");
    return 0;
  }

  private void create(ClusterDatabase database, Role parsed, String hash) throws SQLException {
    try (Connection connection = database.connect()) {
      connection.setAutoCommit(false);
      if (!UserRecords.insert(connection, username, parsed.claim(), hash)) {
        connection.rollback();
        throw new IllegalStateException("user " + username + " already exists");
      }
      AuditChain.append(connection, new AuditEvent("edgectl:" + System.getProperty("user.name"),
          "it-ops", "user.create", null, username, UUID.randomUUID().toString(), null,
          null), Clock.systemUTC());
      connection.commit();
    }
  }

  private static char[] readPassword() throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line = in.readLine();
    if (line == null) {
      throw new IllegalArgumentException("no password on standard input");
    }
    return line.toCharArray();
  }
}
