package br.prontuario.edge.drill.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppJvmTest {

  @Test
  void theOptionsAreWhatComesBetweenJavaAndTheJar() {
    byte[] cmdline = String.join("\0", "/usr/bin/java", "-Xms64m", "-Xmx384m",
        "-XX:TieredStopAtLevel=1", "-jar", "edge-node.jar", "--server.port=1", "")
        .getBytes(StandardCharsets.UTF_8);

    assertThat(AppJvm.jvmOptions(cmdline))
        .containsExactly("-Xms64m", "-Xmx384m", "-XX:TieredStopAtLevel=1");
  }

  @Test
  void c1OnlyWhenAnyNodeStopsAtTierOne() {
    assertThat(AppJvm.c1Only(Map.of("node-a", List.of("-Xmx1g"),
        "node-b", List.of("-XX:TieredStopAtLevel=1")))).isTrue();
    assertThat(AppJvm.c1Only(Map.of("node-a", List.of("-Xmx1g"), "node-b", List.of())))
        .isFalse();
  }
}
