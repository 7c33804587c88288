package br.prontuario.edge.ctl.install;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Homebrew formulas a Mac Studio's services need, for {@code brew bundle --file=…}. */
final class Brewfile {

  static final String FILE = Host.CONFIG_DIR + "/Brewfile";
  // archive_command runs pgbackrest; the rest are the services' own executables
  private static final List<Program> PROGRAMS = List.of(Program.ETCD, Program.PATRONI, Program.PGBACKREST,
      Program.REDIS_SERVER, Program.HAPROXY, Program.JAVA);

  private Brewfile() {}

  /** {@code postgresBinDir} is the configured one: its formula when it is Homebrew's, e.g. postgresql@16. */
  static String render(Host host, String postgresBinDir) {
    Set<String> formulas = new LinkedHashSet<>();
    PROGRAMS.forEach(p -> formulas.add(p.formula()));
    StringJoiner b = new StringJoiner("\n", "", "\n");
    b.add("# Homebrew dependencies of a Mac Studio (written by edgectl install): brew bundle --file=" + FILE);
    Matcher m = Pattern.compile(Pattern.quote(host.homebrewPrefix()) + "/opt/([^/]+)/bin/?").matcher(postgresBinDir);
    if (m.matches()) {
      formulas.add(m.group(1));
    } else {
      b.add("# PostgreSQL: production.postgresBinDir (" + postgresBinDir + ") is not Homebrew's; install it yourself");
    }
    formulas.forEach(f -> b.add("brew \"" + f + "\""));
    return b.toString();
  }
}
