package br.prontuario.edge.ctl.cluster;

import br.prontuario.edge.localcluster.cluster.ClusterStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code edgectl status [--json]}: each node's database role, lag, Redis role and readiness. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show each node's PostgreSQL role (leader/sync_standby/replica/down), replication "
        + "lag, Redis role and edge-node readiness, and every box's entry URL.")
public final class StatusCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClusterOptions options;

  @Option(names = "--json", description = "print JSON instead of a table")
  boolean json;

  @Override
  public Integer call() {
    ClusterStatus status = options.existingCluster().status();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(status));
      return 0;
    }
    out.println("entry point: " + status.entrypoint());
    for (ClusterStatus.EntryStatus entry : status.entries()) {
      out.printf("  entry on %-8s %s haproxy %s %s%n", entry.node(), entry.url(), entry.haproxy(),
          entry.servers().isEmpty() ? "" : entry.servers());
    }
    out.printf("%-8s %-13s %10s %-8s %-10s %s%n", "NODE", "DB", "LAG(bytes)", "REDIS", "APP", "PROCESSES");
    for (ClusterStatus.NodeStatus n : status.nodes()) {
      out.printf("%-8s %-13s %10s %-8s %-10s %s%n", n.name(), n.db(),
          n.lagBytes() == null ? "-" : n.lagBytes(), n.redis(), n.app(), String.join(",", n.running()));
    }
    var w = status.witness();
    out.printf("%-8s etcd %s, sentinel %s, haproxy %s %s; processes %s%n", "witness", w.etcd(),
        w.sentinel(), w.haproxy(), status.haproxyServers(), String.join(",", w.running()));
    for (List<String> link : status.partitions()) {
      out.println("partition: " + link.get(0) + " and " + link.get(1) + " cannot reach each other"
          + " (bin/edgectl heal restores every link)");
    }
    return 0;
  }
}
