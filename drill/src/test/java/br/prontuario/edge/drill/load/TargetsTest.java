package br.prontuario.edge.drill.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetsTest {

  private final EdgeApi entry = api("http://127.0.0.1:1");
  private final EdgeApi nodeA = api("http://127.0.0.1:2");
  private final EdgeApi nodeB = api("http://127.0.0.1:3");

  @Test
  void retriesAnUnacknowledgedWriteAtTheNextTargetAndStartsTheNextWriteAtTheEntryPoint() {
    Targets targets = new Targets(List.of(entry, nodeA, nodeB));
    assertThat(targets.current()).isSameAs(entry);

    targets.answered(false);
    assertThat(targets.current()).isSameAs(nodeA);
    targets.answered(false);
    assertThat(targets.current()).isSameAs(nodeB);
    targets.answered(false);
    assertThat(targets.current()).as("round again").isSameAs(entry);
    targets.answered(false);
    targets.answered(true);
    assertThat(targets.current()).isSameAs(entry);
  }

  @Test
  void withoutNodeAppsEveryRetryGoesToTheEntryPoint() {
    Targets targets = new Targets(List.of(entry));
    targets.answered(false);
    assertThat(targets.current()).isSameAs(entry);
  }

  private static EdgeApi api(String base) {
    return new EdgeApi(URI.create(base), null, "demo", "x", Duration.ofSeconds(2));
  }
}
