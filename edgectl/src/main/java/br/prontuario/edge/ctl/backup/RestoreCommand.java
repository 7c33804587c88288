package br.prontuario.edge.ctl.backup;

import br.prontuario.edge.ctl.cluster.ClusterOptions;
import br.prontuario.edge.localcluster.backup.RestoreTarget;
import br.prontuario.edge.localcluster.backup.ScratchRestore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code edgectl restore --to "YYYY-MM-DD HH:MM:SS" --into DIR}: point-in-time restore into a
 * scratch PostgreSQL, never over the running cluster. {@code --stop} stops that scratch server.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
    description = "Restore the database as it was at a moment (UTC) into a new scratch PostgreSQL.")
public final class RestoreCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClusterOptions options;

  @Option(names = "--to", paramLabel = "\"YYYY-MM-DD HH:MM:SS\"", description = "the moment, in UTC")
  String to;

  @Option(names = "--into", paramLabel = "DIR", required = true,
      description = "a new or empty folder for the restored server")
  Path into;

  @Option(names = "--repo", defaultValue = "1",
      description = "1 = the witness's repository, 2 = the off-site (encrypted) one")
  int repo;

  @Option(names = "--stop", description = "stop the restored server in --into instead")
  boolean stop;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (stop) {
      ScratchRestore.stop(into);
      out.println("restored server in " + into + " stopped (its folder is kept)");
      return 0;
    }
    if (to == null) {
      throw new IllegalArgumentException("name the moment: --to \"YYYY-MM-DD HH:MM:SS\" (UTC)");
    }
    if (repo != 1 && repo != 2) {
      throw new IllegalArgumentException("--repo must be 1 or 2");
    }
    RestoreTarget target = RestoreTarget.parse(to);
    var restored = new ScratchRestore(options.existingCluster()).restore(target, into, repo);
    out.printf("restored to %s from repo%d into %s%n", target.postgresTime(), repo, restored.into());
    out.printf("  restore %d s, recovery %d s, databases %d MB%n", restored.restoreTime().toSeconds(),
        restored.recoveryTime().toSeconds(), restored.databaseBytes() / (1024 * 1024));
    out.printf("  PostgreSQL:  %s (same roles and passwords as the cluster)%n", restored.jdbcUrl());
    out.printf("  audit:       bin/edgectl audit verify --dir %s%n", restored.into());
    out.printf("  stop:        bin/edgectl restore --stop --into %s%n", restored.into());
    return 0;
  }
}
