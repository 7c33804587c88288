package br.prontuario.edge.ctl.users;

import picocli.CommandLine.Command;

/** {@code edgectl users ...}: accounts of clinicians and staff. */
@Command(name = "users", description = "Manage user accounts.",
    mixinStandardHelpOptions = true, subcommands = {UsersAddCommand.class})
public final class UsersCommand implements Runnable {

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        new picocli.CommandLine(this), "name a users command; see edgectl users --help");
  }
}
