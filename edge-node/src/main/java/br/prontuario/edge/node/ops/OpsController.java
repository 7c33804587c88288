package br.prontuario.edge.node.ops;

import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** For IT staff: which node answers and which database server it is using. No patient data. */
@RestController
class OpsController {

  private final NodeProperties node;
  private final JdbcTemplate jdbc;

  OpsController(NodeProperties node, JdbcTemplate jdbc) {
    this.node = node;
    this.jdbc = jdbc;
  }

  @GetMapping("/api/v1/ops/status")
  Map<String, Object> status() {
    Map<String, Object> db = jdbc.queryForMap("SELECT coalesce(inet_server_port(), 0) AS port,"
        + " pg_is_in_recovery() AS in_recovery, current_setting('server_version') AS version");
    return Map.of("node", node.name(), "database", Map.of("port", db.get("port"),
        "primary", !Boolean.TRUE.equals(db.get("in_recovery")), "version", db.get("version")));
  }
}
