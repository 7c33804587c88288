package br.prontuario.edge.ctl.lab;

import br.prontuario.edge.site.lab.MllpClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import br.prontuario.edge.ctl.cluster.ClusterOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code edgectl lab send FILE [--dir DIR | --port N [--host H]]}: sends the HL7 v2 message in
 * FILE (one segment a line) over MLLP and prints the acknowledgment code. With a local cluster it
 * sends as that cluster's lab system, through its entry HAProxies over TLS; with {@code --port},
 * the file as it is, in plain TCP, to one listener. Exit 0 on AA, 2 on AE/AR, 1 when nothing
 * answers or the file cannot be read.
 */
@Command(name = "send", description = "Send one HL7 v2 message file over MLLP.",
    mixinStandardHelpOptions = true)
public final class LabSendCommand implements Callable<Integer> {

  static final int NOT_ACCEPTED = 2;

  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "the message, one segment per line")
  Path file;

  @Option(names = "--host", description = "with --port: the edge node (default 127.0.0.1)")
  String host = "127.0.0.1";

  @Option(names = "--port", description = "send to this MLLP listener (edge.lab.mllp-port) in plain"
      + " TCP, the file as it is, instead of through the local cluster's entries")
  Integer port;

  @Mixin ClusterOptions cluster;

  @Option(names = "--timeout", description = "seconds to wait for the ACK (default 30)")
  int timeoutSeconds = 30;

  @Override
  public Integer call() {
    String message;
    try {
      message = MllpClient.segments(Files.readString(file));
    } catch (NoSuchFileException e) {
      spec.commandLine().getErr().println("edgectl: no such file: " + file);
      return 1;
    } catch (IOException e) {
      spec.commandLine().getErr().println("edgectl: cannot read " + file + ": " + e.getMessage());
      return 1;
    }
    MllpClient.Ack ack;
    try {
      if (port != null) {
        ack = new MllpClient(host, port, Duration.ofSeconds(timeoutSeconds)).send(message);
      } else {
        ack = new LocalLabSystem(cluster.existingCluster(), Duration.ofSeconds(timeoutSeconds))
            .send(message).ack();
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      spec.commandLine().getErr().println("edgectl: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      spec.commandLine().getErr().println("edgectl: no acknowledgment"
          + (port != null ? " from " + host + ":" + port : "") + ": " + e.getMessage());
      return 1;
    }
    String line = ack.code() + " " + ack.controlId() + (ack.text().isEmpty() ? "" : " " + ack.text());
    if (ack.accepted()) {
      spec.commandLine().getOut().println(line);
      return 0;
    }
    spec.commandLine().getErr().println("edgectl: not accepted: " + line);
    return NOT_ACCEPTED;
  }
}
