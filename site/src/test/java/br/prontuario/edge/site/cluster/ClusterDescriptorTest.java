package br.prontuario.edge.site.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterDescriptorTest {

  @TempDir Path dir;

  @Test
  void readsWhatEdgectlUpWritesBackIntoTheSameRecord() {
    ClusterDescriptor written = new ClusterDescriptor("https://127.0.0.1:18080",
        List.of("https://127.0.0.1:18080", "https://127.0.0.1:18090"),
        new ClusterDescriptor.Tls("/tmp/c/tls/ca.crt", "http://127.0.0.1:18081"), null,
        new ClusterDescriptor.Database("jdbc:postgresql://x/db", "app", "pw", "postgres", "su"),
        "c2VjcmV0", new ClusterDescriptor.Demo("demo", "demo-pw"),
        new ClusterDescriptor.Controller(null, List.of("http://127.0.0.1:17001", "http://127.0.0.1:17002")),
        List.of(new ClusterDescriptor.Node("node-a", "http://127.0.0.1:18081",
            "http://127.0.0.1:18008", 15432, 16379, 26379, "http://127.0.0.1:12379")),
        new ClusterDescriptor.Haproxy("127.0.0.1:19999", "http://s", "edge_nodes",
            List.of("node-a", "cloud"), List.of("127.0.0.1:19999", "127.0.0.1:19998")),
        new ClusterDescriptor.Etcd(List.of("https://127.0.0.1:12379"), new ClusterDescriptor.EtcdTls(
            "/tmp/c/tls/ca.crt", "/tmp/c/tls/etcd/operations.crt", "/tmp/c/tls/etcd/operations.key")),
        new ClusterDescriptor.Redis("edge", List.of("127.0.0.1:26379"), "controller", "redis-pw"),
        new ClusterDescriptor.PatroniApi("patroni", "rest-pw"));

    written.write(dir);

    assertThat(ClusterDescriptor.read(dir)).isEqualTo(written);
    assertThat(written.controllerUrl()).isEqualTo("http://127.0.0.1:17001");
    assertThat(ClusterDescriptor.read(dir).etcd().clientTls().key())
        .isEqualTo(Path.of("/tmp/c/tls/etcd/operations.key"));
  }

  @Test
  void aRotationsRetiringSecretsAreWrittenAndLeftOutWhenThereAreNone() throws Exception {
    var retiring = new br.prontuario.edge.site.ops.RetiringJwtSecret(
        java.util.Base64.getEncoder().encodeToString("the-secret-before-the-rotation!!".getBytes()),
        java.time.Instant.parse("2026-12-03T13:00:00Z"));
    ClusterDescriptor written = new ClusterDescriptor("https://edge", null, null, null, null, "c2VjcmV0",
        null, null, null, null, null, null, new ClusterDescriptor.PatroniApi("ops", "new-pw", "old-pw"), null,
        retiring);

    written.write(dir);

    assertThat(Files.readString(dir.resolve("cluster.json"))).contains("2026-12-03T13:00:00Z");
    assertThat(ClusterDescriptor.read(dir).previousJwtSecret()).isEqualTo(retiring);
    assertThat(ClusterDescriptor.read(dir).patroniCredentials().previous())
        .contains(new br.prontuario.edge.site.patroni.PatroniCredentials("ops", "old-pw"));
    new ClusterDescriptor("https://edge", null, null, null, null, "c2VjcmV0", null, null, null, null, null, null,
        null).write(dir);
    assertThat(Files.readString(dir.resolve("cluster.json"))).doesNotContain("previousJwtSecret")
        .doesNotContain("previousPassword");
  }

  @Test
  void aFileFromBeforeTheRedundantEntryNamesItsOneHaproxyAndControllerInTheLists() throws Exception {
    Files.writeString(dir.resolve("cluster.json"), "{\"entrypoint\":\"https://edge\","
        + "\"controller\":{\"url\":\"http://c:1\"},\"haproxy\":{\"runtimeApi\":\"w:9999\"}}");

    ClusterDescriptor read = ClusterDescriptor.read(dir);

    assertThat(read.entrypoints()).containsExactly("https://edge");
    assertThat(read.haproxy().runtimeApis()).containsExactly("w:9999");
    assertThat(read.controllerUrls()).containsExactly("http://c:1");
  }

  @Test
  void toleratesAnOlderOrSmallerFileAndMarksAProductionOne() throws Exception {
    Files.writeString(dir.resolve("cluster.json"), "{\"entrypoint\":\"https://edge\","
        + "\"environment\":\"production\",\"nodes\":[{\"name\":\"node-a\"}],\"extra\":1}");

    ClusterDescriptor read = ClusterDescriptor.read(dir);

    assertThat(read.production()).isTrue();
    assertThat(read.controllerUrl()).isNull();
    assertThat(read.nodes().get(0).redisPort()).isNull();
    assertThat(read.patroniCredentials().present()).isFalse();
  }

  @Test
  void keepsANodesModelManifestAndWritesNoneWhenThereIsNone() throws Exception {
    Files.writeString(dir.resolve("cluster.json"), "{\"nodes\":[{\"name\":\"node-a\","
        + "\"modelManifest\":\"/srv/models/manifest.json\"},{\"name\":\"node-b\"}]}");

    ClusterDescriptor read = ClusterDescriptor.read(dir);
    read.write(dir);

    assertThat(read.nodes()).extracting(ClusterDescriptor.Node::modelManifest)
        .containsExactly("/srv/models/manifest.json", null);
    assertThat(Files.readString(dir.resolve("cluster.json")))
        .containsOnlyOnce("modelManifest").contains("\"postgresPort\" : null");
  }

  @Test
  void aBrokenFileIsAnOperatorErrorNamingTheFile() throws Exception {
    Files.writeString(dir.resolve("cluster.json"), "{\"entrypoint\":");

    assertThatThrownBy(() -> ClusterDescriptor.read(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot read " + dir.resolve("cluster.json"));
  }

  @Test
  void aMissingFileNamesTheCommandThatStartsACluster() {
    assertThatThrownBy(() -> ClusterDescriptor.read(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("edgectl up --dir " + dir);
  }
}
