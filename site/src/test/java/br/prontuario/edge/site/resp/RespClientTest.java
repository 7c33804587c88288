package br.prontuario.edge.site.resp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RespClientTest {

  @Test
  void encodesACommandAsAnArrayOfBulkStringsCountingBytesNotCharacters() {
    byte[] encoded = RespClient.encode("SENTINEL", "get-master-addr-by-name", "edgé");

    assertThat(new String(encoded, StandardCharsets.UTF_8)).isEqualTo(
        "*3\r\n$8\r\nSENTINEL\r\n$23\r\nget-master-addr-by-name\r\n$5\r\nedgé\r\n");
  }

  @Test
  void readsSentinelsMasterAddressAsATwoElementArray() throws IOException {
    Object reply = read("*2\r\n$9\r\n127.0.0.1\r\n$5\r\n16379\r\n");

    assertThat(reply).isEqualTo(Arrays.asList("127.0.0.1", "16379"));
  }

  @Test
  void readsNilIntegersAndSimpleStrings() throws IOException {
    assertThat(read("*-1\r\n")).isNull();
    assertThat(read(":42\r\n")).isEqualTo(42L);
    assertThat(read("+PONG\r\n")).isEqualTo("PONG");
  }

  @Test
  void anErrorReplyThrows() {
    assertThatThrownBy(() -> read("-ERR unknown command\r\n"))
        .isInstanceOf(IOException.class).hasMessageContaining("ERR unknown command");
  }

  private static Object read(String wire) throws IOException {
    return RespClient.read(new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)));
  }
}
