package br.prontuario.edge.localcluster.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

  @TempDir Path dir;

  @Test
  void aClusterIdIsKafkasFormNeverReadsAsAnOptionAndIsKeptForTheFolder() throws Exception {
    for (int i = 0; i < 500; i++) {
      Path folder = Files.createDirectory(dir.resolve("c" + i));
      String id = KafkaBroker.clusterId(folder);
      assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]+").doesNotStartWith("-");
      assertThat(KafkaBroker.clusterId(folder)).as("kept").isEqualTo(id);
    }
  }
}
