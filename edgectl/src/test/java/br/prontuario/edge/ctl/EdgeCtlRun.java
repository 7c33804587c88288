package br.prontuario.edge.ctl;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** The CLI run in-process, as {@code bin/edgectl} runs it, its output written into the tests' buffers. */
public final class EdgeCtlRun {

  private EdgeCtlRun() {}

  /** @return the exit code */
  public static int execute(StringWriter out, StringWriter err, String... args) {
    var cli = EdgeCtl.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  /** With {@code stdin} as standard input (e.g. {@code --password-stdin}). */
  public static int executeWithStdin(StringWriter out, StringWriter err, String stdin,
      String... args) {
    InputStream original = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      return execute(out, err, args);
    } finally {
      System.setIn(original);
    }
  }
}
