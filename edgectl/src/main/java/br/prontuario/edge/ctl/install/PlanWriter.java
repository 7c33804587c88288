package br.prontuario.edge.ctl.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/** Puts a plan's files below a root folder, or says what it would put there. */
final class PlanWriter {

  private PlanWriter() {}

  /** The host path {@code path} below {@code root} ("/" on the real host, a temp folder in tests). */
  static Path under(Path root, String path) {
    return root.resolve(path.substring(1));
  }

  /** Writes every file (each replaced in one move, so a service never reads half a file); one line each. */
  static List<String> write(InstallPlan plan, Path root) {
    return each(plan, root, false);
  }

  /** {@code --dry-run}: each file's place and content, nothing written. */
  static List<String> preview(InstallPlan plan, Path root) {
    return each(plan, root, true);
  }

  private static List<String> each(InstallPlan plan, Path root, boolean dryRun) {
    List<String> lines = new ArrayList<>();
    for (PlannedFile file : plan.files()) {
      Path target = under(root, file.path());
      if (file.keptBecause() != null && Files.exists(target)) {
        lines.add((dryRun ? "would keep " : "kept ") + target + ": " + file.keptBecause());
      } else if (dryRun) {
        lines.add("would write " + target + " (" + file.octalMode() + ", owner " + file.owner() + "):");
        file.content().lines().forEach(line -> lines.add("  | " + line));
      } else {
        replace(target, file);
        lines.add("wrote " + target + " (" + file.octalMode() + ")");
      }
    }
    return lines;
  }

  private static void replace(Path target, PlannedFile file) {
    try {
      Files.createDirectories(target.getParent());
      // created 0600, so a secret is never readable by others, not even for a moment
      Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".edgectl");
      try {
        Files.writeString(temp, file.content());
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString(file.mode()));
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }
}
