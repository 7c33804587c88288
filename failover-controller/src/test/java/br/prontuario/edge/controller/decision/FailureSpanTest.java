package br.prontuario.edge.controller.decision;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.controller.decision.Action.RouteTo;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** "Down" needs failures spanning (failures − 1) × interval on the monotonic clock, not just a count. */
class FailureSpanTest {

  private static final Duration BACK_TO_BACK = Duration.ofMillis(100);

  private final ClusterScene scene = ClusterScene.routedToTheLeader();

  @Test
  void threeFailuresBackToBackAfterAPauseDoNotDeclareTheNodeDown() {
    scene.killNodeA();
    scene.round();
    // what a fixed-rate scheduler did once the controller resumed: the missed rounds at once
    Decision second = scene.roundAfter(BACK_TO_BACK);
    Decision third = scene.roundAfter(BACK_TO_BACK);

    assertThat(second.actions()).isEmpty();
    assertThat(third.actions()).isEmpty();
    assertThat(scene.engine.health().get("node-a").appFailures()).isEqualTo(3);
    assertThat(scene.engine.health().get("node-a").status()).isEqualTo(NodeStatus.SUSPECT);
    assertThat(scene.engine.state()).isEqualTo(ControllerState.NORMAL);
    assertThat(scene.engine.activeNode()).isEqualTo("node-a");
  }

  @Test
  void declaresTheNodeDownOnceItsFailuresSpanTwoIntervals() {
    scene.killNodeA();
    Decision first = scene.round();
    scene.roundAfter(BACK_TO_BACK);
    scene.roundAfter(BACK_TO_BACK);
    // 5.2 s since the first failure: still under 2 x 5 s
    Decision fourth = scene.round();
    assertThat(fourth.actions()).isEmpty();

    Decision fifth = scene.round();

    assertThat(fifth.actions()).contains(new RouteTo("node-b"));
    assertThat(fifth.to()).isEqualTo(ControllerState.FAILOVER);
    assertThat(fifth.detectedAt()).contains(first.at());
  }

  @Test
  void aSuccessInBetweenStartsTheSpanAgain() {
    scene.killNodeA();
    scene.round();
    scene.round();
    scene.appA = Signal.up();
    scene.patroniA = Signal.up();
    scene.round();
    scene.killNodeA();
    scene.round();
    scene.round();

    Decision third = scene.round();

    assertThat(third.actions()).contains(new RouteTo("node-b"));
  }
}
