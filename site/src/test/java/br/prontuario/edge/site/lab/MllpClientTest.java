package br.prontuario.edge.site.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MllpClientTest {

  @Test
  void theTokenReplacesMsh8AndNothingElse() {
    String message = MllpClient.segments("""
        MSH|^~\\&|LIS|HOSP|PRONTUARIO|EDGE|20261201103000|change-me|ORU^R01^ORU_R01|LIS-1|P|2.5.1
        PID|1||90000000256^^^^TAX
        """);

    String signed = MllpClient.withSecurity(message, "s3cr3t-token");

    assertThat(signed).isEqualTo("MSH|^~\\&|LIS|HOSP|PRONTUARIO|EDGE|20261201103000|s3cr3t-token"
        + "|ORU^R01^ORU_R01|LIS-1|P|2.5.1\rPID|1||90000000256^^^^TAX\r");
  }

  @Test
  void aShortMshGainsTheEmptyFieldsUpToMsh8() {
    assertThat(MllpClient.withSecurity("MSH|^~\\&|LIS|HOSP\r", "t"))
        .isEqualTo("MSH|^~\\&|LIS|HOSP||||t\r");
  }

  @Test
  void aFileThatIsNotHl7IsRefusedInOneLine() {
    assertThatThrownBy(() -> MllpClient.withSecurity("hello\r", "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the message does not start with an MSH segment");
  }

  @Test
  void anAckReadsItsCodeControlIdAndErrorText() {
    MllpClient.Ack ack = MllpClient.Ack.of("MSH|^~\\&|EDGE|PRONTUARIO|LIS|HOSP|20261201||ACK^R01|A1|P|2.5.1\r"
        + "MSA|AR|LIS-1\rERR||||E||||unknown sender\r");

    assertThat(ack.code()).isEqualTo("AR");
    assertThat(ack.controlId()).isEqualTo("LIS-1");
    assertThat(ack.text()).isEqualTo("unknown sender");
    assertThat(ack.accepted()).isFalse();
  }
}
