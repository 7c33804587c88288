package br.prontuario.edge.ctl.lab;

import br.prontuario.edge.ctl.cluster.ClusterOptions;
import br.prontuario.edge.drill.load.EdgeApi;
import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code edgectl bench lab [--messages N] [--rate R]}: lab results through the entry's MLLP under
 * whatever else runs (a bench api, a drill), timed message → ACK, message → visible in the
 * records API and message → its event on the bus; exit 0 only when nothing was lost, duplicated or left unacknowledged.
 */
@Command(name = "lab", mixinStandardHelpOptions = true,
    description = "Lab results over MLLP: message -> ACK, -> visible in /api/v1 and -> on the Kafka topic, p50/p95/p99.")
public final class BenchLabCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ClusterOptions cluster;

  @Option(names = "--messages", defaultValue = "500", description = "ORU^R01 messages (1-100000), default 500")
  int messages;

  @Option(names = "--rate", defaultValue = "10", description = "messages a second (0.1-500), default 10")
  double rate;

  @Option(names = "--give-up-seconds", defaultValue = "180",
      description = "how long one message is resent and looked for, default 180")
  int giveUpSeconds;

  @Option(names = "--json", description = "print the report as JSON")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (messages < 1 || messages > 100_000 || rate < 0.1 || rate > 500 || giveUpSeconds < 5) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--messages must be 1-100000, --rate 0.1-500 and --give-up-seconds at least 5");
    }
    EdgeCluster c = cluster.existingCluster();
    var descriptor = c.descriptor();
    EdgeApi api = new EdgeApi(URI.create(c.layout().entrypoint()), c.tls().caCertificate(),
        descriptor.demo().username(), descriptor.demo().password(), Duration.ofSeconds(10));
    PrintWriter err = spec.commandLine().getErr();
    LabBench.Report report = new LabBench(new LocalLabSystem(c, Duration.ofSeconds(10)), api,
        descriptor.database(), descriptor.bus()).run(new LabBench.Settings(messages, rate,
            Duration.ofSeconds(giveUpSeconds)), line -> {
              err.println("bench lab: " + line);
              err.flush();
            });
    String asJson = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
        .writeValueAsString(report);
    Path work = c.stateDir().resolve("bench");
    Files.createDirectories(work);
    Path file = work.resolve("lab-" + Instant.now().toString().replace(':', '-') + ".json");
    Files.writeString(file, asJson + "\n");
    spec.commandLine().getOut().println(json ? asJson : LabBench.text(report) + "report: " + file);
    spec.commandLine().getOut().flush();
    return report.clean() ? 0 : 1;
  }
}
