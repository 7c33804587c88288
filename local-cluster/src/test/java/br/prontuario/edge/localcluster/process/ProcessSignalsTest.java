package br.prontuario.edge.localcluster.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.prontuario.edge.localcluster.process.ProcessSignals.Signal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessSignalsTest {

  @Test
  void aProcessThatExitedBetweenTheListingAndTheSignalIsNotAnError() throws Exception {
    Process sleeper = new ProcessBuilder("sleep", "30").start();
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    try {
      ProcessSignals.runKill(Signal.STOP, List.of(Long.toString(sleeper.pid()),
          Long.toString(gone.pid())));
      assertThat(ProcessSignals.isRunning(sleeper.toHandle())).isTrue();
      ProcessSignals.runKill(Signal.CONT, List.of(Long.toString(gone.pid()),
          Long.toString(sleeper.pid())));
    } finally {
      sleeper.destroyForcibly().waitFor();
    }
  }

  @Test
  void anyOtherComplaintOfKillIsAnError() {
    assertThatThrownBy(() -> ProcessSignals.runKill(Signal.CONT, List.of("not-a-pid")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("failed");
  }
}
