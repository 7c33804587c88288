package br.prontuario.edge.ctl;

import br.prontuario.edge.ctl.audit.AuditCommand;
import br.prontuario.edge.ctl.events.EventsCommand;
import br.prontuario.edge.ctl.backup.BackupCommand;
import br.prontuario.edge.ctl.backup.RestoreCommand;
import br.prontuario.edge.ctl.bench.BenchCommand;
import br.prontuario.edge.ctl.cloud.CloudCommand;
import br.prontuario.edge.ctl.cloud.FailbackCommand;
import br.prontuario.edge.ctl.cluster.DownCommand;
import br.prontuario.edge.ctl.cluster.FreezeCommand;
import br.prontuario.edge.ctl.cluster.HealCommand;
import br.prontuario.edge.ctl.cluster.PartitionCommand;
import br.prontuario.edge.ctl.cluster.KillCommand;
import br.prontuario.edge.ctl.cluster.StartCommand;
import br.prontuario.edge.ctl.cluster.StatusCommand;
import br.prontuario.edge.ctl.cluster.ThawCommand;
import br.prontuario.edge.ctl.cluster.UpCommand;
import br.prontuario.edge.ctl.render.RenderCommand;
import br.prontuario.edge.ctl.secrets.RotateSecretsCommand;
import br.prontuario.edge.ctl.controller.ControllerCommand;
import br.prontuario.edge.ctl.controller.HistoryCommand;
import br.prontuario.edge.ctl.controller.MaintenanceCommand;
import br.prontuario.edge.ctl.controller.SwitchoverCommand;
import br.prontuario.edge.ctl.drill.DrillCommand;
import br.prontuario.edge.ctl.install.InstallCommand;
import br.prontuario.edge.ctl.models.ModelsCommand;
import br.prontuario.edge.ctl.lab.LabCommand;
import br.prontuario.edge.ctl.upgrade.UpgradeCommand;
import br.prontuario.edge.ctl.users.UsersCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The operations CLI for IT staff; {@code bin/edgectl} builds and runs it. */
@Command(
    name = "edgectl",
    mixinStandardHelpOptions = true,
    version = "edgectl 0.1.0",
    description = "Runs and operates a Prontuário Edge cluster.",
    subcommands = {
      UpCommand.class,
      DownCommand.class,
      StatusCommand.class,
      KillCommand.class,
      FreezeCommand.class,
      ThawCommand.class,
      PartitionCommand.class,
      HealCommand.class,
      StartCommand.class,
      RenderCommand.class,
      InstallCommand.class,
      RestoreCommand.class,
      RotateSecretsCommand.class,
      AuditCommand.class,
      EventsCommand.class,
      BackupCommand.class,
      BenchCommand.class,
      ControllerCommand.class,
      CloudCommand.class,
      FailbackCommand.class,
      DrillCommand.class,
      HistoryCommand.class,
      LabCommand.class,
      MaintenanceCommand.class,
      ModelsCommand.class,
      SwitchoverCommand.class,
      UpgradeCommand.class,
      UsersCommand.class,
    })
public final class EdgeCtl implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new EdgeCtl());
    // one line and a non-zero exit for operator mistakes, no stack traces
    cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      cmd.getErr().println("edgectl: " + ex.getMessage());
      return 1;
    });
    cli.setParameterExceptionHandler((ex, args) -> {
      ex.getCommandLine().getErr().println("edgectl: " + ex.getMessage());
      return 2;
    });
    return cli;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command; see edgectl --help");
  }
}
