package br.prontuario.edge.ctl.backup;

import br.prontuario.edge.ctl.cluster.ClusterOptions;
import br.prontuario.edge.localcluster.backup.ClusterBackups;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code edgectl backup now|list|check}: pgBackRest backups of the cluster's PostgreSQL. */
@Command(name = "backup", description = "Back up PostgreSQL with pgBackRest (two repositories).",
    mixinStandardHelpOptions = true,
    subcommands = {BackupCommand.Now.class, BackupCommand.ListBackups.class, BackupCommand.Check.class})
public final class BackupCommand implements Runnable {

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        new picocli.CommandLine(this), "name a backup command: now, list or check");
  }

  @Command(name = "now", mixinStandardHelpOptions = true,
      description = "Take a backup into both repositories now (default: differential).")
  static final class Now implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClusterOptions options;

    @Option(names = "--type", defaultValue = "diff", description = "full, diff or incr (default diff)")
    String type;

    @Override
    public Integer call() {
      var backups = new ClusterBackups(options.existingCluster());
      backups.backupNow(type);
      PrintWriter out = spec.commandLine().getOut();
      for (int repo : ClusterBackups.REPOSITORIES) {
        var sets = backups.backups(repo);
        var last = sets.get(sets.size() - 1);
        out.printf("repo%d: %s backup %s (%d s, database %d MB)%n", repo, last.type(), last.label(),
            last.stopEpoch() - last.startEpoch(), last.databaseBytes() / (1024 * 1024));
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "What both repositories hold: backups and the archived WAL range.")
  static final class ListBackups implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClusterOptions options;

    @Override
    public Integer call() {
      spec.commandLine().getOut().println(new ClusterBackups(options.existingCluster()).describe().strip());
      return 0;
    }
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Check that the primary's WAL reaches both repositories and each holds a backup.")
  static final class Check implements Callable<Integer> {
    static final int FAILED = 3;

    @Spec CommandSpec spec;
    @Mixin ClusterOptions options;

    @Override
    public Integer call() {
      var backups = new ClusterBackups(options.existingCluster());
      var outcome = backups.check();
      if (!outcome.ok()) {
        spec.commandLine().getErr().println("edgectl: backup check failed: " + outcome.output().strip());
        return FAILED;
      }
      for (int repo : ClusterBackups.REPOSITORIES) {
        if (backups.backups(repo).isEmpty()) {
          spec.commandLine().getErr().println("edgectl: backup check failed: repo" + repo
              + " holds no backup (run edgectl backup now --type full)");
          return FAILED;
        }
      }
      spec.commandLine().getOut().println("backup check passed: WAL archiving reaches repo1 and repo2, "
          + "each holds a backup");
      return 0;
    }
  }
}
