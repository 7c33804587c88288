package br.prontuario.edge.ctl.install;

import br.prontuario.edge.ctl.render.ProductionDirs;
import br.prontuario.edge.localcluster.config.ClusterConfig;
import br.prontuario.edge.localcluster.config.ClusterConfigLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code edgectl install --role node-a|node-b|witness --config FILE}: the production services of one
 * host. Writes the configuration {@code edgectl render} renders plus the service definitions
 * (launchd daemons on the Mac Studios, systemd units and backup timers on the Linux witness) below
 * {@code --root}, then prints what the operator runs next. It never runs launchctl or systemctl.
 */
@Command(name = "install", mixinStandardHelpOptions = true,
    description = "Install one production host's services: launchd daemons on a Mac Studio "
        + "(node-a, node-b), systemd units and the backup timers on the Linux witness.")
public final class InstallCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--role", required = true, paramLabel = "ROLE", converter = RoleConverter.class,
      description = "node-a, node-b or witness")
  Role role;

  @Option(names = "--config", required = true, paramLabel = "FILE",
      description = "the cluster configuration edgectl render reads (config/edge-cluster.yaml)")
  Path config;

  @Option(names = "--root", defaultValue = "/", paramLabel = "DIR",
      description = "where the host's / is (default: /)")
  Path root;

  @Option(names = "--dry-run", description = "print every file and its content; write nothing")
  boolean dryRun;

  @Option(names = "--platform", paramLabel = "PLATFORM", converter = PlatformConverter.class,
      description = "macos or linux (default: the role's own: macos for node-a/node-b, linux for the witness)")
  Platform platform;

  @Option(names = "--homebrew-prefix", defaultValue = "/opt/homebrew", paramLabel = "DIR",
      description = "Homebrew's prefix on the Mac Studios (default: /opt/homebrew)")
  String homebrewPrefix;

  @Override
  public Integer call() {
    if (platform != null && platform != role.platform()) {
      throw new ParameterException(spec.commandLine(), role + " cannot run on " + platform
          + ": it is built for " + role.platform() + " (the Mac Studios run macOS, the witness Linux)");
    }
    if (!homebrewPrefix.startsWith("/")) {
      throw new ParameterException(spec.commandLine(), "--homebrew-prefix must be an absolute path, was " + homebrewPrefix);
    }
    if (!Files.isDirectory(root)) {
      throw new ParameterException(spec.commandLine(), "--root " + root + " is not a folder");
    }
    ClusterConfig loaded = ClusterConfigLoader.load(config);
    Host host = Host.of(role.platform(), ProductionDirs.of(loaded.production()), homebrewPrefix);
    InstallPlan plan = role.platform() == Platform.MACOS
        ? MacInstall.plan(role, loaded, host) : WitnessInstall.plan(role, loaded, host);
    print(plan, host);
    return 0;
  }

  private void print(InstallPlan plan, Host host) {
    PrintWriter out = spec.commandLine().getOut();
    Path absoluteRoot = root.toAbsolutePath().normalize();
    out.println("edgectl install " + plan.role() + " (" + host.platform() + ") into " + absoluteRoot
        + (dryRun ? "; dry run: nothing is written" : ""));
    List<String> lines = dryRun ? PlanWriter.preview(plan, absoluteRoot) : PlanWriter.write(plan, absoluteRoot);
    lines.forEach(out::println);
    plan.notes().forEach(note -> out.println("not installed: " + note));
    out.println();
    out.println("Secrets to provide (mode 0600, owned by the account named; install never writes them),");
    out.println("e.g. install -d -m 0755 DIR && install -o ACCOUNT -m 0600 /dev/null FILE, then fill it in:");
    for (SecretFile secret : plan.secrets()) {
      boolean present = Files.exists(PlanWriter.under(absoluteRoot, secret.path()));
      out.println("  " + (present ? "present " : "MISSING ") + secret.path() + " (" + secret.owner() + "): " + secret.holds());
    }
    out.println();
    out.println("Then, on " + plan.role() + (host.platform() == Platform.LINUX ? ", as root:" : ":"));
    int n = 1;
    for (Step step : plan.steps()) {
      out.println("# " + n++ + ". " + step.title());
      step.commands().forEach(out::println);
    }
    out.flush();
  }

  /** A value picocli reports as an invalid option value, with the parser's own message. */
  private abstract static class Converter<T> implements CommandLine.ITypeConverter<T> {
    private final Function<String, T> parse;

    Converter(Function<String, T> parse) {
      this.parse = parse;
    }

    @Override
    public T convert(String value) {
      try {
        return parse.apply(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  static final class RoleConverter extends Converter<Role> {
    RoleConverter() {
      super(Role::parse);
    }
  }

  static final class PlatformConverter extends Converter<Platform> {
    PlatformConverter() {
      super(Platform::parse);
    }
  }
}
