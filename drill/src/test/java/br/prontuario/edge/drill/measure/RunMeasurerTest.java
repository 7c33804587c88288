package br.prontuario.edge.drill.measure;

import static br.prontuario.edge.drill.measure.SyntheticRun.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RunMeasurerTest {

  @Test
  void rtoRunsFromTheFaultToTheFirstSuccessfulWriteSentAfterIt() {
    RunMeasurement m = new SyntheticRun()
        .ok(1, 1.1, true).ok(2, 2.1, true)
        .fault(3)
        .failed(3.2, 5.2, 0).failed(5.4, 7.4, 503)
        .ok(12.0, 14.5, true).ok(13, 13.2, true)
        .measure(Target.PRIMARY_FAILURE);

    // the earliest completion among writes sent after the fault: 13.2, not 14.5
    assertThat(m.firstSuccessAt()).isEqualTo(at(13.2));
    assertThat(m.rtoSeconds()).isCloseTo(10.2, within(1e-9));
    assertThat(m.failedWrites()).isEqualTo(2);
    assertThat(m.failedWriteAnswers()).containsExactly(entry("HTTP 503", 1), entry("timed out", 1));
    assertThat(m.passed()).isTrue();
  }

  @Test
  void aWriteInFlightWhenTheFaultHitDoesNotEndTheOutage() {
    RunMeasurement m = new SyntheticRun()
        .ok(2.9, 3.05, true)
        .fault(3)
        .failed(3.1, 4, 0)
        .ok(9, 9.5, true)
        .measure(Target.PRIMARY_FAILURE);

    assertThat(m.rtoSeconds()).isCloseTo(6.5, within(1e-9));
    assertThat(m.rtoSeconds()).isBetween(0.0, 9.5 - 3);
  }

  @Test
  void aSuccessTheOldLeaderServedBeforeClientsStartedFailingDoesNotEndTheOutage() {
    RunMeasurement m = new SyntheticRun()
        .fault(3)
        .ok(3.01, 3.05, true)
        .failed(3.2, 3.3, 503).failed(3.4, 3.5, 503)
        .ok(3.25, 4.2, true).ok(4.5, 4.6, true)
        .measure(Target.PRIMARY_FAILURE);

    // 3.05 came before any failure; 4.2 was sent during the outage and completed after it
    assertThat(m.firstSuccessAt()).isEqualTo(at(4.2));
    assertThat(m.rtoSeconds()).isCloseTo(1.2, within(1e-9));
  }

  @Test
  void aReplayOfAnEarlierWriteDoesNotEndTheOutage() {
    RunMeasurement m = new SyntheticRun()
        .ok(2.8, 2.9, true)
        .fault(3)
        .failed(2.95, 4.95, 0)
        .replayed(4.96, 5.0)
        .ok(14, 14.2, true)
        .measure(Target.PRIMARY_FAILURE);

    // the retry at 4.96 was answered from the record of the write before the fault
    assertThat(m.firstSuccessAt()).isEqualTo(at(14.2));
  }

  @Test
  void withoutAnyFailedWriteTheRtoIsTheFirstSuccessAfterTheFault() {
    RunMeasurement m = new SyntheticRun().ok(1, 1.1, true).fault(2).ok(2.2, 2.25, true)
        .measure(Target.PRIMARY_FAILURE);

    assertThat(m.rtoSeconds()).isCloseTo(0.25, within(1e-9));
    assertThat(m.failedWrites()).isZero();
  }

  @Test
  void aRequestHeldThroughTheSwitchoverIsNotFailedButShowsAsTheSlowestWrite() {
    RunMeasurement m = new SyntheticRun().ok(1, 1.1, true).fault(2)
        .ok(2.1, 4.35, true).failed(2.2, 4.2, 0).ok(4.4, 4.5, true)
        .measure(Target.PRIMARY_FAILURE);

    // the 2.25 s wait is the acknowledged one; the failed attempt's 2 s is not an acknowledgement
    assertThat(m.slowestWriteSeconds()).isCloseTo(2.25, within(1e-9));
    assertThat(m.failedWrites()).isEqualTo(1);
  }

  @Test
  void withoutAnyAcknowledgedWriteThereIsNoSlowestWrite() {
    RunMeasurement m = new SyntheticRun().fault(2).failed(2.1, 4.1, 0).measure(Target.PRIMARY_FAILURE);

    assertThat(m.slowestWriteSeconds()).isNull();
  }

  @Test
  void noSuccessAfterTheFaultLeavesRtoUnmeasuredAndFails() {
    RunMeasurement m = new SyntheticRun().ok(1, 1.1, true).fault(2).failed(2.1, 4.1, 0)
        .measure(Target.PRIMARY_FAILURE);

    assertThat(m.rtoSeconds()).isNull();
    assertThat(m.passed()).isFalse();
    assertThat(m.misses()).contains("no write succeeded after the fault");
  }

  @Test
  void rtoAtOrAboveTheTargetFails() {
    RunMeasurement m = new SyntheticRun().fault(0).ok(30, 30, true).measure(Target.PRIMARY_FAILURE);

    assertThat(m.rtoSeconds()).isEqualTo(30.0);
    assertThat(m.passed()).isFalse();
    assertThat(m.misses()).anyMatch(s -> s.startsWith("RTO 30.0 s"));
  }

  @Test
  void everyAcknowledgedWriteIsEitherFoundOrCountedLost() {
    RunMeasurement m = new SyntheticRun()
        .ok(1, 1.1, true).ok(2, 2.1, false).ok(2.5, 2.6, false)
        .fault(3)
        .ok(8, 8.2, true)
        .measure(Target.PRIMARY_FAILURE);

    assertThat(m.ackedWrites()).isEqualTo(4);
    assertThat(m.ackedBeforeFault()).isEqualTo(3);
    assertThat(m.lostAcknowledgedWrites()).isEqualTo(2);
    assertThat(m.lostWrites()).extracting(w -> w.noteId()).containsExactly("note-2", "note-3");
    assertThat(m.passed()).isFalse();
    assertThat(m.misses()).contains("2 acknowledged writes lost");
  }

  @Test
  void aWriteStoredTwiceFailsTheRunAsDuplicatedEvenWithNothingLost() {
    RunMeasurement m = new SyntheticRun()
        .ok(1, 1.1, true).fault(2).ok(3, 3.5, true).storedTwice().ok(4, 4.1, true)
        .measure(Target.BOTH_NODES_LOST);

    assertThat(m.lostAcknowledgedWrites()).isZero();
    assertThat(m.duplicatedWrites()).isEqualTo(1);
    assertThat(m.duplicateNoteIds()).containsExactly("copy-of-2");
    assertThat(m.passed()).isFalse();
    assertThat(m.misses()).contains("1 writes stored twice");
  }

  @Test
  void writesStoredOnceAreNotDuplicated() {
    RunMeasurement m = new SyntheticRun().ok(1, 1.1, true).fault(2).ok(3, 3.5, true)
        .measure(Target.PRIMARY_FAILURE);

    assertThat(m.duplicatedWrites()).isZero();
    assertThat(m.passed()).isTrue();
  }

  @Test
  void rpoIsTheWindowFromTheFirstLostWriteToTheFault() {
    RunMeasurement m = new SyntheticRun()
        .ok(1, 1.0, true).ok(20, 20.0, false).ok(40, 40.0, false)
        .fault(70)
        .ok(100, 101, true)
        .measure(Target.BOTH_NODES_LOST);

    assertThat(m.rpoSeconds()).isCloseTo(50.0, within(1e-9));
    assertThat(m.passed()).isTrue();
  }

  @Test
  void rpoOfSixtySecondsFailsTheCloudTarget() {
    RunMeasurement m = new SyntheticRun().ok(10, 10, false).fault(70).ok(80, 81, true)
        .measure(Target.BOTH_NODES_LOST);

    assertThat(m.rpoSeconds()).isCloseTo(60.0, within(1e-9));
    assertThat(m.passed()).isFalse();
  }

  @Test
  void nothingLostMeansRpoZero() {
    RunMeasurement m = new SyntheticRun().ok(1, 1.1, true).fault(2).ok(3, 3.5, true)
        .measure(Target.PRIMARY_FAILURE);

    assertThat(m.rpoSeconds()).isZero();
    assertThat(m.lostAcknowledgedWrites()).isZero();
  }

  @Test
  void anIncompleteReadBackFailsTheRunWithoutCallingWritesLost() {
    RunMeasurement m = new SyntheticRun().ok(1, 1.1, true).fault(2).ok(3, 3.5, true)
        .verificationIncomplete().measure(Target.PRIMARY_FAILURE);

    assertThat(m.passed()).isFalse();
    assertThat(m.misses()).contains("acknowledged writes could not all be read back");
  }

  @Test
  void controllerPhasesAreTimedFromTheFaultIgnoringEarlierEvents() {
    RunMeasurement m = new SyntheticRun()
        .event(1, ControllerEvent.Phase.DETECTION)
        .fault(3)
        .event(13.5, ControllerEvent.Phase.DETECTION)
        .event(15, ControllerEvent.Phase.PROMOTION)
        .event(16.25, ControllerEvent.Phase.REROUTING)
        .ok(17, 17.5, true)
        .measure(Target.PRIMARY_FAILURE);

    assertThat(m.detectionSeconds()).isCloseTo(10.5, within(1e-9));
    assertThat(m.promotionSeconds()).isCloseTo(12.0, within(1e-9));
    assertThat(m.reroutingSeconds()).isCloseTo(13.25, within(1e-9));
  }

  @Test
  void validationWithoutFaultFailsOnAnyFailedWrite() {
    RunMeasurement clean = new SyntheticRun().ok(1, 1.1, true).ok(2, 2.1, true)
        .measure(Target.NO_DOWNTIME);
    RunMeasurement oneError = new SyntheticRun().ok(1, 1.1, true).failed(2, 2.1, 502)
        .measure(Target.NO_DOWNTIME);

    assertThat(clean.passed()).isTrue();
    assertThat(clean.rtoSeconds()).isNull();
    assertThat(oneError.passed()).isFalse();
  }

  @Test
  void seriesBucketsErrorsAndLatencyPerSecondAndKeepsSilentSeconds() {
    RunMeasurement m = new SyntheticRun()
        .ok(0.1, 0.2, true).ok(0.3, 0.5, true)
        .fault(1)
        .failed(1.0, 1.5, 0)
        .ok(3.0, 3.1, true)
        .measure(Target.PRIMARY_FAILURE);

    assertThat(m.series()).hasSize(4);
    assertThat(m.failedWriteAnswers()).as("no answer after 0.5 s").containsOnlyKeys("refused or reset");
    assertThat(m.series().get(0).requests()).isEqualTo(2);
    assertThat(m.series().get(0).p50Millis()).isCloseTo(100, within(1e-6));
    assertThat(m.series().get(0).maxMillis()).isCloseTo(200, within(1e-6));
    assertThat(m.series().get(1).errorRate()).isEqualTo(1.0);
    assertThat(m.series().get(2).requests()).isZero();
    assertThat(m.series().get(3).offsetSeconds()).isEqualTo(3.0);
  }

  @Test
  void aProblemTheRunObservedFailsItEvenWithinTarget() {
    RunMeasurement m = new SyntheticRun().ok(1, 1.1, true).problem("node-b edge-node not ready")
        .measure(Target.NO_DOWNTIME);

    assertThat(m.passed()).isFalse();
    assertThat(m.misses()).containsExactly("node-b edge-node not ready");
  }

  @Test
  void setupBeforeTheLoadStaysOutOfTheErrorRate() {
    RunMeasurement m = new SyntheticRun().setupFailed(0.1, 0.9).ok(1.2, 1.3, true)
        .measure(Target.NO_DOWNTIME);

    assertThat(m.series().get(0).requests()).isZero();
    assertThat(m.series().get(1).errors()).isZero();
    assertThat(m.passed()).isTrue();
  }

  @Test
  void aFailbackRecoversOnlyWhenAnEdgeNodeAcknowledgesAgain() {
    // fault = the nodes restart; the cloud keeps serving, a blip while routing moves, then the edge
    RunMeasurement m = new SyntheticRun().okInCloud(-1, -0.9).fault(0).okInCloud(1, 1.1)
        .failed(20, 20.2, 503).okInCloud(20.5, 20.6).ok(21, 21.1, true)
        .measure(Target.FAILBACK, Recovery.EDGE);

    assertThat(m.rtoSeconds()).isCloseTo(21.1, within(0.001));
    assertThat(m.passed()).isTrue();
  }

  @Test
  void theCloudServingEndsTheOutageOfADualFailure() {
    RunMeasurement m = new SyntheticRun().ok(-1, -0.9, true).fault(0).failed(0.1, 2.1, 0)
        .okInCloud(16, 16.2).measure(Target.BOTH_NODES_LOST, Recovery.ANY_SITE);

    assertThat(m.rtoSeconds()).isCloseTo(16.2, within(0.001));
  }

  @Test
  void aFailbackThatLosesAnAcknowledgedCloudWriteFails() {
    RunMeasurement m = new SyntheticRun().fault(0).ok(-2, -1.9, false).ok(5, 5.1, true)
        .measure(Target.FAILBACK, Recovery.EDGE);

    assertThat(m.lostAcknowledgedWrites()).isEqualTo(1);
    assertThat(m.passed()).isFalse();
  }
}
