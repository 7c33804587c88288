package br.prontuario.edge.drill.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.drill.measure.ControllerEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class HistoryPhasesTest {

  @Test
  void aFailoverDecisionYieldsDetectionAtDecisionAndReroutingAtCompletion() {
    List<ControllerEvent> phases = ControllerApi.HistoryPhases.of(JsonMapper.shared().readTree(
        "{\"trigger\":\"probe\",\"from\":\"NORMAL\",\"to\":\"FAILOVER\","
            + "\"actions\":[\"route-to node-b\"],\"decidedAt\":\"2026-11-25T10:00:10Z\","
            + "\"completedAt\":\"2026-11-25T10:00:11Z\"}"));

    assertThat(phases).extracting(ControllerEvent::phase).containsExactly(
        ControllerEvent.Phase.DETECTION, ControllerEvent.Phase.REROUTING);
    assertThat(phases.get(1).at()).hasToString("2026-11-25T10:00:11Z");
  }

  @Test
  void aSwitchoverActionIsAPromotion() {
    List<ControllerEvent> phases = ControllerApi.HistoryPhases.of(JsonMapper.shared().readTree(
        "{\"from\":\"NORMAL\",\"to\":\"NORMAL\",\"actions\":[\"Switchover node-a -> node-b\","
            + "\"RouteTo node-b\"],\"decidedAt\":\"2026-11-25T10:00:10Z\","
            + "\"completedAt\":\"2026-11-25T10:00:14Z\"}"));

    assertThat(phases).extracting(ControllerEvent::phase).containsExactly(
        ControllerEvent.Phase.PROMOTION, ControllerEvent.Phase.REROUTING);
  }

  @Test
  void aDecisionThatChangesNothingIsNoPhase() {
    assertThat(ControllerApi.HistoryPhases.of(JsonMapper.shared().readTree(
        "{\"from\":\"NORMAL\",\"to\":\"NORMAL\",\"actions\":[],"
            + "\"decidedAt\":\"2026-11-25T10:00:10Z\"}"))).isEmpty();
  }

  @Test
  void activatingTheCloudIsAPromotionAndARerouteAndDeactivatingItOnlyAReroute() {
    List<ControllerEvent> activation = ControllerApi.HistoryPhases.of(JsonMapper.shared().readTree(
        "{\"from\":\"DEGRADED\",\"to\":\"EMERGENCY_CLOUD\",\"actions\":[\"ActivateCloud\","
            + "\"Alert critical\"],\"decidedAt\":\"2026-11-25T10:00:10Z\","
            + "\"completedAt\":\"2026-11-25T10:00:12Z\"}"));
    List<ControllerEvent> deactivation = ControllerApi.HistoryPhases.of(JsonMapper.shared().readTree(
        "{\"from\":\"EMERGENCY_CLOUD\",\"to\":\"FAILBACK\",\"actions\":[\"DeactivateCloud\","
            + "\"RouteTo node-a\"],\"decidedAt\":\"2026-11-25T10:05:00Z\"}"));

    assertThat(activation).extracting(ControllerEvent::phase).containsExactly(
        ControllerEvent.Phase.DETECTION, ControllerEvent.Phase.PROMOTION,
        ControllerEvent.Phase.REROUTING);
    assertThat(deactivation).extracting(ControllerEvent::phase)
        .containsExactly(ControllerEvent.Phase.REROUTING);
  }

  @Test
  void aDecisionOnlyObservedByAReplicaWithoutTheLeaseIsNoPromotionOrReroute() {
    List<ControllerEvent> phases = ControllerApi.HistoryPhases.of(JsonMapper.shared().readTree(
        "{\"from\":\"EMERGENCY_CLOUD\",\"to\":\"FAILBACK\",\"actions\":[\"DeactivateCloud -> node-a\"],"
            + "\"results\":[\"observed only: controller-1 is not the acting controller\"],"
            + "\"decidedAt\":\"2026-11-25T10:05:00Z\"}"));

    assertThat(phases).isEmpty();
  }
}
