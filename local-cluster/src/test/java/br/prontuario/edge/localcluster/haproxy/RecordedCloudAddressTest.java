package br.prontuario.edge.localcluster.haproxy;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.localcluster.config.ClusterConfigLoader;
import br.prontuario.edge.localcluster.config.HaproxySettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A HAProxy restarted after the cloud site started renders the cloud's address, not the placeholder. */
class RecordedCloudAddressTest {

  private static final HaproxySettings LOCAL = ClusterConfigLoader
      .loadFromRepository(Path.of(System.getProperty("user.dir")).getParent()).haproxy();

  @TempDir Path dir;

  @Test
  void withoutARecordedAddressTheCloudSlotKeepsThePlaceholder() {
    assertThat(LOCAL.cloudBackup()).as("the repository's local configuration names no cloud").isEmpty();
    assertThat(HaproxyServer.withRecordedCloud(LOCAL, dir)).isEqualTo(LOCAL);
  }

  @Test
  void theAddressTheCloudSiteRecordedIsTheCloudSlotsAfterARestart() {
    HaproxyServer.recordCloudAddress(dir, "127.0.0.1", 37837);

    assertThat(HaproxyServer.withRecordedCloud(LOCAL, dir).cloudBackup()).isEqualTo("127.0.0.1:37837");
  }

  @Test
  void aConfiguredCloudAddressWinsOverTheRecordedOne() {
    HaproxyServer.recordCloudAddress(dir, "127.0.0.1", 37837);
    HaproxySettings configured = LOCAL.withCloudBackup("cloud.example.org:443");

    assertThat(HaproxyServer.withRecordedCloud(configured, dir).cloudBackup()).isEqualTo("cloud.example.org:443");
  }
}
