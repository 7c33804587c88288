package br.prontuario.edge.ctl.events;

import picocli.CommandLine.Command;

/** {@code edgectl events ...}: the clinical events sent to webhook subscribers. */
@Command(name = "events", description = "Inspect and replay clinical events.",
    mixinStandardHelpOptions = true, subcommands = {SubscribeCommand.class, UnsubscribeCommand.class, DlqCommand.class,
        TailCommand.class})
public final class EventsCommand implements Runnable {

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        new picocli.CommandLine(this), "name an events command; see edgectl events --help");
  }
}
