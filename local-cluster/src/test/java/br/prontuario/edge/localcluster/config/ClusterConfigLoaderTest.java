package br.prontuario.edge.localcluster.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClusterConfigLoaderTest {

  private static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();

  private static String repositoryYaml() throws IOException {
    return Files.readString(REPO.resolve(ClusterConfigLoader.DEFAULT_LOCATION));
  }

  @Test
  void readsTheRepositoryConfigurationWithTheDocumentedProbeAndPatroniValues() {
    ClusterConfig config = ClusterConfigLoader.loadFromRepository(REPO);
    assertThat(config.haproxy().check().interval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.haproxy().check().timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.haproxy().check().fall()).isEqualTo(3);
    assertThat(config.patroni().synchronousMode()).isTrue();
    assertThat(config.patroni().synchronousModeStrict()).isFalse();
    assertThat(config.patroni().ttl()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.patroni().walSenderTimeout()).isEqualTo(Duration.ofSeconds(6));
    assertThat(config.production().patroni(config.patroni()).walSenderTimeout())
        .isEqualTo(Duration.ofSeconds(15));
    assertThat(config.production().patroniTtl()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.ports(NodeName.WITNESS).postgres()).isZero();
  }

  @Test
  void rejectsAProbeTimeoutLongerThanItsIntervalNamingBothSettings() throws IOException {
    String yaml = repositoryYaml().replace("timeout: 2s ", "timeout: 9s ");
    assertThatThrownBy(() -> ClusterConfigLoader.parse(yaml, "edge-cluster.yaml"))
        .isInstanceOf(InvalidClusterConfigException.class)
        .hasMessageContaining("edge-cluster.yaml: haproxy.check.timeout (PT9S) must not exceed haproxy.check.interval");
  }

  @Test
  void rejectsPatroniTimingThatCannotKeepTheLeaderLock() throws IOException {
    String yaml = repositoryYaml().replace("retryTimeout: 4s", "retryTimeout: 6s");
    assertThatThrownBy(() -> ClusterConfigLoader.parse(yaml, "f"))
        .hasMessageContaining("patroni.loopWait + 2 x patroni.retryTimeout (14s) must not exceed patroni.ttl (10s)");
  }

  @Test
  void rejectsAWalSenderTimeoutThatOutlastsTheLeaderKey() throws IOException {
    String yaml = repositoryYaml().replace("walSenderTimeout: 6s", "walSenderTimeout: 10s");
    assertThatThrownBy(() -> ClusterConfigLoader.parse(yaml, "f"))
        .hasMessageContaining("patroni.walSenderTimeout must be whole seconds and shorter than patroni.ttl");
  }

  @Test
  void rejectsStrictSynchronousModeWithoutSynchronousMode() throws IOException {
    String yaml = repositoryYaml().replace("synchronousMode: true", "synchronousMode: false")
        .replace("synchronousModeStrict: false", "synchronousModeStrict: true");
    assertThatThrownBy(() -> ClusterConfigLoader.parse(yaml, "f"))
        .hasMessageContaining("patroni.synchronousModeStrict needs patroni.synchronousMode: true");
  }

  @Test
  void namesAnUnknownSettingAndABadDuration() throws IOException {
    assertThatThrownBy(() -> ClusterConfigLoader.parse(
        repositoryYaml().replace("  rise: 2", "  rise: 2\n    rize: 3"), "f"))
        .hasMessageContaining("haproxy.check.rize is not a known setting");
    assertThatThrownBy(() -> ClusterConfigLoader.parse(
        repositoryYaml().replace("interval: 5s", "interval: 5 seconds"), "f"))
        .hasMessageContaining("'5 seconds' is not a duration");
  }

  @Test
  void refusesDatabasePortsOnTheWitness() throws IOException {
    String yaml = repositoryYaml().replace("witness: {etcdClient: 0, etcdPeer: 0, sentinel: 0,",
        "witness: {etcdClient: 0, etcdPeer: 0, sentinel: 0, postgres: 5432,");
    assertThat(yaml).contains("postgres: 5432");
    assertThatThrownBy(() -> ClusterConfigLoader.parse(yaml, "f"))
        .hasMessageContaining("nodes.witness runs only etcd, a sentinel and a Kafka broker");
  }

  @Test
  void reportsAYamlSyntaxErrorOnOneLineWithItsPosition() {
    assertThatThrownBy(() -> ClusterConfigLoader.parse("haproxy:\n  entryPort: \"unterminated\n", "f"))
        .hasMessageStartingWith("f: haproxy while scanning a quoted scalar; found unexpected end of stream")
        .hasMessageContaining("(line 2, column 14)")
        .hasMessageNotContaining("\n");
  }

  @Test
  void reportsAMissingFileByItsPath() {
    assertThatThrownBy(() -> ClusterConfigLoader.load(Path.of("/nonexistent/edge-cluster.yaml")))
        .hasMessage("cluster configuration not found: /nonexistent/edge-cluster.yaml");
  }
}
