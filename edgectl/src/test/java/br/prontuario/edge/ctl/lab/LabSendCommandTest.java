package br.prontuario.edge.ctl.lab;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.ctl.EdgeCtl;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's failures; the accepted path runs against edge-node's listener in LabMllpIT. */
class LabSendCommandTest {

  @TempDir Path dir;

  @Test
  void aMissingFileIsOneLineAndExitOne() {
    StringWriter err = new StringWriter();
    var cli = EdgeCtl.commandLine();
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute("lab", "send", dir.resolve("none.hl7").toString(), "--port", "1");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString().strip()).startsWith("edgectl: no such file:").doesNotContain("\n");
  }

  @Test
  void aClosedPortIsOneLineAndExitOne() throws Exception {
    Path message = Files.writeString(dir.resolve("oru.hl7"), "MSH|^~\\&|LIS|HOSP\n");
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort(); // free again once closed
    }
    StringWriter err = new StringWriter();
    var cli = EdgeCtl.commandLine();
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute("lab", "send", message.toString(), "--port",
        Integer.toString(closed), "--timeout", "5");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).startsWith("edgectl: no acknowledgment from 127.0.0.1:" + closed);
  }
}
