package br.prontuario.edge.ctl;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs the CLI in-process with {@code stdin} as standard input (e.g. --password-stdin). */
final class CliWithStdin {

  private CliWithStdin() {}

  static int run(StringWriter out, StringWriter err, String stdin, String... args) {
    InputStream original = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      var cli = EdgeCtl.commandLine();
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(err, true));
      return cli.execute(args);
    } finally {
      System.setIn(original);
    }
  }
}
