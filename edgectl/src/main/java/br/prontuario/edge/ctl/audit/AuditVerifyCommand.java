package br.prontuario.edge.ctl.audit;

import br.prontuario.edge.common.audit.AuditChainVerifier;
import br.prontuario.edge.ctl.users.ClusterDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code edgectl audit verify [--dir DIR] [--json]}: walks the chain; exits 0 when intact, 3 and
 * names the first altered or missing row otherwise.
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

  @Override
  public Integer call() throws SQLException {
    AuditChainVerifier.Result result;
    try (Connection connection = ClusterDatabase.read(dir).connect()) {
      result = new AuditChainVerifier().verify(connection);
    }
    Map<String, Object> report = new LinkedHashMap<>();
    String line;
    if (result instanceof AuditChainVerifier.Broken bad) {
      report.put("intact", false);
      report.put("firstBadRow", bad.seq());
      report.put("problem", bad.problem());
      report.put("rowsChecked", bad.rowsChecked());
      line = "edgectl: audit chain broken: " + bad.problem();
    } else {
      AuditChainVerifier.Intact ok = (AuditChainVerifier.Intact) result;
      report.put("intact", true);
      report.put("rows", ok.rows());
      report.put("lastHash", ok.lastHash());
      line = "audit chain intact: " + ok.rows() + " rows, last hash " + ok.lastHash();
    }
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
}
