package br.prontuario.edge.ctl.events;

import picocli.CommandLine.Command;

/** {@code edgectl events dlq list|replay}: events a subscriber refused until the last attempt. */
@Command(name = "dlq", description = "The dead-letter queue of webhook deliveries.",
    mixinStandardHelpOptions = true, subcommands = {DlqListCommand.class, DlqReplayCommand.class})
public final class DlqCommand implements Runnable {

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        new picocli.CommandLine(this), "name a dlq command: list or replay");
  }
}
