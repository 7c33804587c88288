package br.prontuario.edge.localcluster.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.localcluster.config.NodeName;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRegistryTest {

  @TempDir Path stateDir;

  @Test
  void findsARecordedLiveProcessAndForgetsAnExitedOne() throws Exception {
    ProcessRegistry registry = new ProcessRegistry(stateDir);
    Process sleeper = new ProcessBuilder("sleep", "30").start();
    try {
      registry.record(NodeName.NODE_A, "redis", sleeper.toHandle());
      assertThat(registry.find(NodeName.NODE_A, "redis")).map(ProcessHandle::pid).contains(sleeper.pid());
      assertThat(registry.running(NodeName.NODE_A)).extracting(ProcessRegistry.Entry::component)
          .containsExactly("redis");
    } finally {
      sleeper.destroyForcibly().waitFor();
    }
    assertThat(registry.find(NodeName.NODE_A, "redis")).isEmpty();
    registry.forgetExited();
    assertThat(stateDir.resolve("pids/node-a.redis.pid")).doesNotExist();
  }

  @Test
  void aPidNowUsedByAnotherProcessDoesNotReadAsOurs() throws Exception {
    ProcessRegistry registry = new ProcessRegistry(stateDir);
    Files.createDirectories(stateDir.resolve("pids"));
    // our own pid, but recorded with a start time long before this JVM started
    Files.writeString(stateDir.resolve("pids/node-b.patroni.pid"), ProcessHandle.current().pid() + "\n1000\n");
    assertThat(registry.find(NodeName.NODE_B, "patroni")).isEmpty();
  }
}
