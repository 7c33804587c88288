package br.prontuario.edge.ctl.upgrade;

import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --warm-up}, for the commands that restart the edge-nodes one at a time around a switchover. */
public final class WarmUpOption {

  @Option(names = "--warm-up", paramLabel = "DURATION", defaultValue = "PT20S",
      description = {"how long each restarted edge-node answers clinicians' reads before the",
          "switchover sends it their traffic, so the JIT has compiled their paths (ISO-8601,",
          "default PT20S; PT0S skips it)"})
  Duration warmUp;

  /** @throws ParameterException when negative */
  public Duration checked(CommandSpec spec) {
    if (warmUp.isNegative()) {
      throw new ParameterException(spec.commandLine(), "--warm-up must not be negative");
    }
    return warmUp;
  }
}
