package br.prontuario.edge.ctl.lab;

import picocli.CommandLine.Command;

/** {@code edgectl lab ...}: lab results in (HL7 v2 over MLLP, docs/integration.md). */
@Command(name = "lab", description = "Send lab results (HL7 v2 ORU^R01 over MLLP).",
    mixinStandardHelpOptions = true, subcommands = {LabSendCommand.class})
public final class LabCommand implements Runnable {

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        new picocli.CommandLine(this), "name a lab command; see edgectl lab --help");
  }
}
