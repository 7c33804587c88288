package br.prontuario.edge.ctl.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.ctl.EdgeCtlRun;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code edgectl upgrade} refuses before it touches any cluster. */
class UpgradeCommandTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int edgectl(String... args) {
    return EdgeCtlRun.execute(out, err, args);
  }

  @Test
  void aFileThatIsNotAJarIsBadInput() throws IOException {
    Path notAJar = Files.writeString(dir.resolve("edge-node.jar"), "not a zip");

    assertThat(edgectl("upgrade", "--app", notAJar.toString(), "--dir", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith("edgectl: ").contains("is not a jar")
        .doesNotContain("Exception").hasLineCount(1);
  }

  @Test
  void aJarOfAnotherApplicationIsBadInput() throws IOException {
    Path other = dir.resolve("controller.jar");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(other))) {
      zip.putNextEntry(new ZipEntry("BOOT-INF/classes/br/prontuario/edge/controller/Main.class"));
      zip.closeEntry();
    }

    assertThat(edgectl("upgrade", "--app", other.toString(), "--dir", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("is not an edge-node jar").hasLineCount(1);
  }

  @Test
  void aMissingJarOrTimeoutIsBadInputAndNoClusterIsNeededToSaySo() {
    assertThat(edgectl("upgrade", "--app", dir.resolve("nope.jar").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("is not a readable file");
    assertThat(edgectl("upgrade", "--app", "x.jar", "--ready-timeout", "PT0S")).isEqualTo(2);
    assertThat(edgectl("upgrade")).isEqualTo(2);
  }

  @Test
  void anEdgeNodeJarWithoutAClusterNamesTheMissingCluster() throws IOException {
    Path jar = dir.resolve("edge-node.jar");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
      zip.putNextEntry(new ZipEntry("BOOT-INF/classes/br/prontuario/edge/node/EdgeNodeApplication.class"));
      zip.closeEntry();
    }

    assertThat(edgectl("upgrade", "--app", jar.toString(), "--dir", dir.resolve("none").toString()))
        .isEqualTo(1);
    assertThat(err.toString()).contains("no cluster in").hasLineCount(1);
  }

  @Test
  void postgresMinorTakesNeitherAJarNorBinariesThatAreNotPostgres() throws IOException {
    assertThat(edgectl("upgrade", "--app", "x.jar", "--postgres-minor")).isEqualTo(2);
    assertThat(edgectl("upgrade", "--app", "x.jar", "--bin-dir", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--bin-dir goes with --postgres-minor");

    err.getBuffer().setLength(0);
    assertThat(edgectl("upgrade", "--postgres-minor", "--bin-dir", dir.toString(),
        "--dir", dir.resolve("none").toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith("edgectl: ").contains("has no executable postgres")
        .hasLineCount(1);

    Path notPostgres = Files.createDirectories(dir.resolve("bin"));
    Path script = Files.writeString(notPostgres.resolve("postgres"), "#!/bin/sh\necho 'mysqld 8.0'\n");
    script.toFile().setExecutable(true);
    err.getBuffer().setLength(0);
    assertThat(edgectl("upgrade", "--postgres-minor", "--bin-dir", notPostgres.toString(),
        "--dir", dir.resolve("none").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("not a PostgreSQL version").hasLineCount(1);
  }
}
