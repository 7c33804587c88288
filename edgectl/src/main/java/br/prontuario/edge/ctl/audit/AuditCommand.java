package br.prontuario.edge.ctl.audit;

import picocli.CommandLine.Command;

/** {@code edgectl audit ...}: the hash-chained audit trail. */
@Command(name = "audit", description = "Check the audit trail.", mixinStandardHelpOptions = true,
    subcommands = {AuditVerifyCommand.class})
public final class AuditCommand implements Runnable {

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        new picocli.CommandLine(this), "name an audit command; see edgectl audit --help");
  }
}
