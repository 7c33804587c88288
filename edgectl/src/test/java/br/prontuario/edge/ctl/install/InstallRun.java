package br.prontuario.edge.ctl.install;

import br.prontuario.edge.ctl.EdgeCtlRun;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One {@code edgectl install …} through the real command line: exit code, stdout, stderr. */
record InstallRun(int code, String out, String err) {

  static final Path REPOSITORY_CONFIG =
      Path.of(System.getProperty("user.dir")).getParent().resolve("config/edge-cluster.yaml");

  static InstallRun of(String... args) {
    List<String> all = new ArrayList<>(List.of("install"));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = EdgeCtlRun.execute(out, err, all.toArray(String[]::new));
    return new InstallRun(code, out.toString(), err.toString());
  }

  /** {@code role} with the repository's configuration into {@code root}; must succeed. */
  static InstallRun into(Path root, String role, String... more) {
    List<String> args = new ArrayList<>(List.of("--role", role, "--config", REPOSITORY_CONFIG.toString(),
        "--root", root.toString()));
    args.addAll(List.of(more));
    InstallRun run = of(args.toArray(String[]::new));
    if (run.code() != 0) {
      throw new AssertionError("install " + role + " failed (" + run.code() + "): " + run.err());
    }
    return run;
  }
}
