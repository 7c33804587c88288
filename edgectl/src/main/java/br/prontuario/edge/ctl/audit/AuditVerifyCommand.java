package br.prontuario.edge.ctl.audit;

import br.prontuario.edge.common.audit.AuditBacklog;
import br.prontuario.edge.common.audit.AuditChainVerifier;
import br.prontuario.edge.common.audit.AuditChainVerifier.Position;
import br.prontuario.edge.common.audit.AuditHashing;
import br.prontuario.edge.ctl.users.ClusterDatabase;
import br.prontuario.edge.site.cluster.ClusterDescriptor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code edgectl audit verify [--incremental] [--dir DIR] [--json]}: walks the chain, then
 * compares it with its anchor in etcd ({@link AnchorVerification}: rows removed from the tail leave
 * a chain that walks clean); exits 0 when intact, 3 and names the first altered or missing row
 * otherwise. The full walk (the default)
 * checks every row; {@code --incremental} checks that the last verified row still has its hash
 * and walks only the rows after it ({@link VerifiedPositionFile}). Both record the new position
 * when the chain is intact.
 */
@Command(name = "verify", description = "Verify the audit hash chain.",
    mixinStandardHelpOptions = true)
public final class AuditVerifyCommand implements Callable<Integer> {

  static final int BROKEN = 3;

  @Spec CommandSpec spec;

  @Option(names = "--dir", description = "cluster folder (default <repo>/.state/cluster)")
  Path dir;

  @Option(names = "--json", description = "print the result as JSON")
  boolean json;

  @Option(names = "--incremental", description = "only the rows after the last verified position"
      + " (DIR/audit-verified.json); the whole chain when there is none")
  boolean incremental;

  @Override
  public Integer call() throws SQLException {
    VerifiedPositionFile positions = new VerifiedPositionFile(ClusterDatabase.clusterDir(dir));
    Position from = incremental
        ? positions.read().orElse(FULL)
        : FULL;
    long started = System.nanoTime();
    AuditChainVerifier.Result result;
    Map<String, Object> anchor = null;
    AuditBacklog backlog;
    try (Connection connection = ClusterDatabase.read(dir).connect()) {
      result = new AuditChainVerifier().verifyAfter(connection, from);
      backlog = AuditBacklog.read(connection);
      if (result instanceof AuditChainVerifier.Intact) {
        anchor = AnchorVerification.of(ClusterDescriptor.read(ClusterDatabase.clusterDir(dir)))
            .check(connection);
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("mode", from.seq() == 0 ? "full" : "incremental");
    report.put("fromSeq", from.seq());
    String line;
    if (result instanceof AuditChainVerifier.Broken bad) {
      report.put("intact", false);
      report.put("firstBadRow", bad.seq());
      report.put("problem", bad.problem());
      report.put("rowsChecked", bad.rowsChecked());
      line = "edgectl: audit chain broken: " + bad.problem();
    } else if (AnchorVerification.broken(anchor)) {
      report.put("intact", false);
      report.put("problem", anchor.get("problem"));
      line = "edgectl: audit chain broken: " + anchor.get("problem");
    } else {
      AuditChainVerifier.Intact ok = (AuditChainVerifier.Intact) result;
      positions.write(new Position(ok.rows(), ok.lastHash()), Instant.now());
      report.put("intact", true);
      report.put("rows", ok.rows());
      report.put("rowsChecked", ok.rows() - from.seq());
      report.put("lastHash", ok.lastHash());
      line = "audit chain intact: " + ok.rows() + " rows (" + (ok.rows() - from.seq())
          + " checked, " + report.get("mode") + "), last hash " + ok.lastHash()
          + anchorLine(anchor) + backlogLine(backlog);
    }
    report.put("pendingEvents", backlog.events());
    report.put("oldestPendingSeconds", backlog.oldestSeconds());
    if (anchor != null) {
      report.put("anchor", anchor);
    }
    report.put("millis", millis);
    boolean intact = (Boolean) report.get("intact");
    if (json) {
      spec.commandLine().getOut().println(JsonMapper.builder().build().writeValueAsString(report));
    } else if (intact) {
      spec.commandLine().getOut().println(line);
    } else {
      spec.commandLine().getErr().println(line);
    }
    return intact ? 0 : BROKEN;
  }

  /** Writes' events not chained yet (ADR 0006): worth a word only when there are any. */
  private static String backlogLine(AuditBacklog backlog) {
    return backlog.events() == 0 ? "" : String.format("; %d write events not chained yet"
        + " (oldest %.1f s)", backlog.events(), backlog.oldestSeconds());
  }

  private static String anchorLine(Map<String, Object> anchor) {
    return switch ((String) anchor.get("status")) {
      case "agrees" -> "; agrees with its anchor (row " + anchor.get("seq") + ", "
          + anchor.get("anchoredAt") + ")";
      case "none-yet" -> "; no anchor yet (the tail is not checked)";
      case "unreachable" -> "; anchor unreachable in etcd (the tail is not checked)";
      default -> "; no anchor store configured (the tail is not checked)";
    };
  }

  private static final Position FULL = new Position(0, AuditHashing.GENESIS);
}
