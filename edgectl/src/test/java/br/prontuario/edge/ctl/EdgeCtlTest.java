package br.prontuario.edge.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class EdgeCtlTest {

  @Test
  void unknownCommandExitsNonZeroWithOneLine() {
    StringWriter err = new StringWriter();
    var cli = EdgeCtl.commandLine();
    cli.setErr(new PrintWriter(err));
    int code = cli.execute("no-such-command");
    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("no-such-command");
  }
}
