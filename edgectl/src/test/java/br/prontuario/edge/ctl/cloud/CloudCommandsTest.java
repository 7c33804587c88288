package br.prontuario.edge.ctl.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.ctl.EdgeCtl;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CloudCommandsTest {

  @Test
  void activateAndFailbackWithoutAClusterSayWhyInOneLineAndExitNonZero() throws Exception {
    Path empty = Files.createTempDirectory("no-cluster");
    for (String[] args : new String[][] {
        {"cloud", "activate", "--dir", empty.toString()},
        {"failback", "--dir", empty.toString()}}) {
      StringWriter err = new StringWriter();
      var cli = EdgeCtl.commandLine();
      cli.setErr(new PrintWriter(err));
      assertThat(cli.execute(args)).isEqualTo(1);
      assertThat(err.toString().strip()).startsWith("edgectl: no cluster in").doesNotContain("\n");
    }
  }

  @Test
  void cloudWithoutASubcommandIsAUsageError() {
    StringWriter err = new StringWriter();
    var cli = EdgeCtl.commandLine();
    cli.setErr(new PrintWriter(err));
    assertThat(cli.execute("cloud")).isEqualTo(2);
    assertThat(err.toString()).contains("activate");
  }
}
