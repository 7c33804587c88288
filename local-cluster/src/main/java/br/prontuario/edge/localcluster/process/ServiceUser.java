package br.prontuario.edge.localcluster.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL refuses to run as root, and CI runs as root. When we are root, database processes
 * (PostgreSQL, Patroni) run as an unprivileged account through {@code setpriv}, which execs in
 * place so the PID we hold is the server's own.
 */
public final class ServiceUser {

  private static final String PREFERRED = "postgres";
  private static final String FALLBACK = "edgedb";
  private static volatile String resolved;

  private ServiceUser() {}

  public static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** The account database processes run as: ourselves unless we are root. */
  public static String name() {
    if (!isRoot()) {
      return System.getProperty("user.name");
    }
    String user = resolved;
    if (user == null) {
      synchronized (ServiceUser.class) {
        if (resolved == null) {
          resolved = ensureAccount();
        }
        user = resolved;
      }
    }
    return user;
  }

  /** The command prefixed so that it runs as {@link #name()}. */
  public static List<String> wrap(List<String> command) {
    if (!isRoot()) {
      return command;
    }
    String user = name();
    List<String> wrapped = new ArrayList<>(List.of(
        "setpriv", "--reuid=" + user, "--regid=" + user, "--init-groups", "--"));
    wrapped.addAll(command);
    return wrapped;
  }

  /** Gives the account ownership of a folder it must write (a no-op unless root). */
  public static void own(Path dir) {
    if (isRoot()) {
      run(List.of("chown", "-R", name() + ":", dir.toString()));
    }
  }

  /**
   * Moves {@code staged} over {@code target} once the service user owns it (when running as root):
   * a server of that user starting meanwhile opens the old file or the new one, never a file it
   * may not read.
   */
  public static void placeOwned(Path staged, Path target) {
    own(staged);
    try {
      Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + staged + " to " + target, e);
    }
  }

  private static String ensureAccount() {
    if (exists(PREFERRED)) {
      return PREFERRED;
    }
    if (!exists(FALLBACK)) {
      run(List.of("useradd", "--system", "--user-group", "--no-create-home",
          "--shell", "/usr/sbin/nologin", FALLBACK));
    }
    return FALLBACK;
  }

  private static boolean exists(String user) {
    try {
      return new ProcessBuilder("id", "-u", user).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static void run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (p.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + out.strip());
      }
    } catch (IOException e) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
    }
  }
}
