package br.prontuario.edge.site.haproxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code show servers state edge_nodes} as haproxy 2.6 answers it. */
class ServerStateTest {

  static final String ANSWER = """
      1
      # be_id be_name srv_id srv_name srv_addr srv_op_state srv_admin_state srv_uweight srv_iweight srv_time_since_last_change srv_check_status srv_check_result srv_check_health srv_check_state srv_agent_state bk_f_forced_id srv_f_forced_id srv_fqdn srv_port srvrecord srv_use_ssl srv_check_port srv_check_addr srv_agent_addr srv_agent_port
      3 edge_nodes 1 node-a 127.0.0.1 2 0 1 1 10 6 3 4 6 0 0 0 - 18081 - 0 0 - - 0
      3 edge_nodes 2 node-b 127.0.0.1 2 8 1 1 10 6 3 4 6 0 0 0 - 18082 - 0 0 - - 0
      3 edge_nodes 3 cloud 127.0.0.1 0 1 1 1 10 1 0 0 14 0 0 0 - 18090 - 0 0 - - 0
      4 other 1 node-a 127.0.0.1 2 1 1 1 10 6 3 4 6 0 0 0 - 1 - 0 0 - - 0
      """;

  @Test
  void readsEachServerOfTheBackendWithItsAdminState() {
    Map<String, ServerState> servers = ServerState.parse(ANSWER, "edge_nodes");

    assertThat(servers).containsOnlyKeys("node-a", "node-b", "cloud");
    assertThat(servers.get("node-a").ready()).isTrue();
    assertThat(servers.get("node-b").ready()).isFalse();
    assertThat(servers.get("node-b").inMaintenance()).isFalse();
    assertThat(servers.get("cloud").inMaintenance()).isTrue();
    assertThat(servers.get("cloud").operationalState()).isZero();
  }

  @Test
  void anErrorAnswerListsNoServers() {
    assertThat(ServerState.parse("Can't find backend.\n", "edge_nodes")).isEmpty();
  }
}
