package br.prontuario.edge.localcluster.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the engines' executables the way Debian and Homebrew install them. */
public final class Binaries {

  private static final boolean MAC = System.getProperty("os.name", "").toLowerCase().contains("mac");

  private Binaries() {}

  public static boolean isMac() {
    return MAC;
  }

  public static String installCommand(String debianPackage, String brewFormula) {
    if (MAC) {
      return "brew install " + brewFormula;
    }
    String sudo = ServiceUser.isRoot() ? "" : "sudo ";
    return sudo + "apt-get update && " + sudo + "apt-get install -y " + debianPackage;
  }

  /** An executable from PATH or the usual install folders, or a {@link MissingBinaryException}. */
  public static Path require(String name, String debianPackage, String brewFormula) {
    return find(name).orElseThrow(() -> new MissingBinaryException(name, debianPackage, brewFormula));
  }

  public static Optional<Path> find(String name) {
    List<Path> candidates = new ArrayList<>();
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isBlank()) {
        candidates.add(Path.of(dir, name));
      }
    }
    for (String dir : List.of("/usr/sbin", "/usr/local/sbin", "/opt/homebrew/bin", "/usr/local/bin")) {
      candidates.add(Path.of(dir, name));
    }
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  /**
   * PostgreSQL's server binaries (initdb, postgres) are off PATH on Debian: the newest
   * /usr/lib/postgresql/N/bin with N ≥ 15 wins, then Homebrew's, then PATH.
   */
  public static Path postgresBinDir() {
    Optional<Path> debian = newestVersionDir(Path.of("/usr/lib/postgresql"), "bin");
    if (debian.isPresent()) {
      return debian.get();
    }
    for (String prefix : List.of("/opt/homebrew/opt", "/usr/local/opt")) {
      for (int v = 18; v >= 15; v--) {
        Path dir = Path.of(prefix, "postgresql@" + v, "bin");
        if (Files.isExecutable(dir.resolve("postgres"))) {
          return dir;
        }
      }
    }
    return find("postgres")
        .map(p -> p.toAbsolutePath().getParent())
        .orElseThrow(() -> new MissingBinaryException("postgres", "postgresql", "postgresql@16"));
  }

  private static Optional<Path> newestVersionDir(Path root, String sub) {
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .filter(p -> p.getFileName().toString().matches("\\d+"))
          .filter(p -> Integer.parseInt(p.getFileName().toString()) >= 15)
          .filter(p -> Files.isExecutable(p.resolve(sub).resolve("postgres")))
          .max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString())))
          .map(p -> p.resolve(sub));
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }
}
