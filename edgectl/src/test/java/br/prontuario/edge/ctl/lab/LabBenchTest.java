package br.prontuario.edge.ctl.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabBenchTest {

  @Test
  void eachMessageIsAnOruR01ForItsPatientWithTwoResultsAndEveryTwentiethCritical() {
    String first = LabBench.oru("90000000256", "BENCH-x-0", 0);
    String second = LabBench.oru("90000000175", "BENCH-x-1", 1);

    List<String> segments = List.of(first.split("\r"));
    assertThat(segments).extracting(s -> s.substring(0, 3)).containsExactly("MSH", "PID", "OBR", "OBX", "OBX");
    assertThat(segments.get(0).split("\\|")).contains("ORU^R01^ORU_R01", "BENCH-x-0", "2.5.1");
    assertThat(segments.get(1)).isEqualTo("PID|1||90000000256^^^^TAX");
    assertThat(segments.get(4)).contains("|6.6|mmol/L|3.5-5.1|HH|");
    assertThat(second.split("\r")[4]).contains("|3.7|mmol/L|3.5-5.1|N|");
    assertThat(first.split("\r")).hasSize(1 + 1 + 1 + LabBench.RESULTS_PER_MESSAGE);
  }

  @Test
  void anAeForAnUnconfirmedCommitIsSentAgainAndAnyOtherAnswerIsFinal() {
    // HAPI puts the reason in ERR, where the raw answer carries it
    assertThat(LabBench.asksToResend(new br.prontuario.edge.site.lab.MllpClient.Ack("AE", "B-1", "",
        "MSA|AE|B-1\rERR|^^^207&not confirmed by the database; send it again\r"))).isTrue();
    assertThat(LabBench.asksToResend(new br.prontuario.edge.site.lab.MllpClient.Ack("AE", "B-1",
        "", "MSA|AE|B-1\rERR|^^^204&no patient with that CPF or CNS\r"))).isFalse();
    assertThat(LabBench.asksToResend(new br.prontuario.edge.site.lab.MllpClient.Ack("AA", "B-1", "", "")))
        .isFalse();
  }

  @Test
  void latenciesAreNearestRankOverWhatWasObserved() {
    Latencies l = Latencies.of(List.of(5.0, 1.0, 4.0, 2.0, 3.0, 100.0, 6.0, 7.0, 8.0, 9.0));

    assertThat(l.count()).isEqualTo(10);
    assertThat(l.p50()).isEqualTo(5.0);
    assertThat(l.p95()).isEqualTo(100.0);
    assertThat(l.p99()).isEqualTo(100.0);
    assertThat(Latencies.of(List.of()).p50()).isNull();
  }
}
