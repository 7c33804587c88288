package br.prontuario.edge.ctl.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.ctl.EdgeCtlRun;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterCommandsTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void repository() {
    System.setProperty("edge.home", Path.of(System.getProperty("user.dir")).getParent().toString());
  }

  private int edgectl(String... args) {
    return EdgeCtlRun.execute(out, err, args);
  }

  @Test
  void statusOfAFolderWithoutAClusterSaysHowToStartOneInOneLine() {
    assertThat(edgectl("status", "--dir", dir.toString())).isNotZero();
    assertThat(err.toString().strip()).isEqualTo(
        "edgectl: no cluster in " + dir + " (run bin/edgectl up --dir " + dir + " first)");
  }

  @Test
  void anUnknownNodeIsRefusedBeforeAnythingIsSignalled() {
    assertThat(edgectl("kill", "node-c", "--dir", dir.toString())).isNotZero();
    assertThat(err.toString()).contains("unknown node 'node-c' (expected node-a, node-b or witness)");
  }

  @Test
  void renderWritesTheProductionFilesOfTheThreeHosts() throws Exception {
    assertThat(edgectl("render", "--target", dir.toString())).as(err.toString()).isZero();
    assertThat(dir.resolve("node-a/patroni.yml")).exists();
    assertThat(dir.resolve("witness/haproxy.cfg")).exists();
    assertThat(Files.readString(dir.resolve("node-b/etcd.conf.yml"))).contains("name: \"node-b\"");
    assertThat(out.toString()).contains("PATRONI_REPLICATION_PASSWORD");
  }

  @Test
  void anInvalidConfigurationIsOneLineNamingTheSetting() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Path repo = Path.of(System.getProperty("edge.home"));
    Files.writeString(bad, Files.readString(repo.resolve("config/edge-cluster.yaml")).replace("fall: 3", "fall: 0"));
    assertThat(edgectl("render", "--target", dir.resolve("out").toString(), "--config", bad.toString())).isNotZero();
    assertThat(err.toString()).contains("haproxy.check.fall must be at least 1, was 0");
  }
}
