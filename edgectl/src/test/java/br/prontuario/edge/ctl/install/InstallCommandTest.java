package br.prontuario.edge.ctl.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallCommandTest {

  private static final String CONFIG = InstallRun.REPOSITORY_CONFIG.toString();

  @TempDir Path root;

  @Test
  void anUnknownRoleIsAUsageErrorOnOneLine() {
    InstallRun run = InstallRun.of("--role", "node-c", "--config", CONFIG, "--root", root.toString());
    assertThat(run.code()).isEqualTo(2);
    assertOneLine(run).contains("unknown role 'node-c' (expected node-a, node-b or witness)");
  }

  @Test
  void aRoleOnAPlatformItIsNotBuiltForIsRefused() {
    InstallRun witness = InstallRun.of("--role", "witness", "--platform", "macos", "--config", CONFIG,
        "--root", root.toString());
    assertThat(witness.code()).isEqualTo(2);
    assertOneLine(witness).contains("witness cannot run on macos");

    InstallRun node = InstallRun.of("--role", "node-b", "--platform", "linux", "--config", CONFIG,
        "--root", root.toString());
    assertThat(node.code()).isEqualTo(2);
    assertOneLine(node).contains("node-b cannot run on linux");

    InstallRun unknown = InstallRun.of("--role", "node-a", "--platform", "windows", "--config", CONFIG);
    assertThat(unknown.code()).isEqualTo(2);
    assertOneLine(unknown).contains("unknown platform 'windows'");
  }

  @Test
  void theRolesOwnPlatformIsAccepted() {
    assertThat(InstallRun.into(root, "node-a", "--platform", "macos").out()).contains("node-a (macos)");
  }

  @Test
  void aMissingOrInvalidConfigurationFileSaysWhichAndWritesNothing(@TempDir Path dir) throws Exception {
    InstallRun missing = InstallRun.of("--role", "node-a", "--config", dir.resolve("nope.yaml").toString(),
        "--root", root.toString());
    assertThat(missing.code()).isEqualTo(1);
    assertOneLine(missing).contains("cluster configuration not found: " + dir.resolve("nope.yaml"));

    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, "haproxy:\n  entryPort: \"unterminated\n");
    InstallRun invalid = InstallRun.of("--role", "node-a", "--config", broken.toString(), "--root", root.toString());
    assertThat(invalid.code()).isEqualTo(1);
    assertOneLine(invalid).contains(broken.toString());

    InstallRun noConfig = InstallRun.of("--role", "node-a", "--root", root.toString());
    assertThat(noConfig.code()).isEqualTo(2);
    assertOneLine(noConfig).contains("--config");

    assertThat(isEmpty(root)).isTrue();
  }

  @Test
  void aRootThatIsNotAFolderIsRefused() {
    InstallRun run = InstallRun.of("--role", "witness", "--config", CONFIG, "--root", root.resolve("absent").toString());
    assertThat(run.code()).isEqualTo(2);
    assertOneLine(run).contains("is not a folder");
  }

  @Test
  void aDryRunPrintsEveryFileAndWritesNothing() throws Exception {
    InstallRun run = InstallRun.into(root, "witness", "--dry-run");

    assertThat(isEmpty(root)).isTrue();
    assertThat(run.out())
        .contains("dry run: nothing is written")
        .contains("would write " + root.resolve("etc/systemd/system/prontuario-backup-full.timer") + " (0644, owner root):")
        .contains("  | OnCalendar=Sun *-*-* 01:30:00")
        .contains("would write " + root.resolve("etc/pgbackrest/pgbackrest.conf") + " (0600, owner postgres):")
        .contains("systemctl enable --now prontuario-backup-full.timer prontuario-backup-diff.timer")
        .doesNotContain("wrote ");
  }

  private static org.assertj.core.api.AbstractStringAssert<?> assertOneLine(InstallRun run) {
    String err = run.err().strip();
    assertThat(err).startsWith("edgectl: ").doesNotContain("\n");
    return assertThat(err);
  }

  private static boolean isEmpty(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.findAny().isEmpty();
    }
  }
}
