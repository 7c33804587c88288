package br.prontuario.edge.localcluster.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PgBackRestArchivingTest {

  @Test
  void addsArchivingToTheNodesParametersAndKeepsTheOthers() {
    Map<String, Object> patroni = Map.of("name", "node-a", "postgresql",
        Map.of("listen", "127.0.0.1:5432", "parameters", Map.of("unix_socket_directories", "/run/pg")));
    Map<String, Object> result = PgBackRestArchiving.addTo(patroni, "pgbackrest archive-push %p");
    @SuppressWarnings("unchecked")
    var postgresql = (Map<String, Object>) result.get("postgresql");
    assertThat(postgresql).containsEntry("listen", "127.0.0.1:5432");
    assertThat(postgresql.get("parameters")).isEqualTo(Map.of("unix_socket_directories", "/run/pg",
        "archive_mode", "on", "archive_command", "pgbackrest archive-push %p", "archive_timeout", "60s"));
    assertThat(result).containsEntry("name", "node-a");
  }

  @Test
  void quotesPathsTheShellWouldSplitAndRefusesOnesItCannotQuote() {
    assertThat(PgBackRestArchiving.archiveCommand("/usr/bin/pgbackrest", "edge", "/srv/my cluster/p.conf"))
        .isEqualTo("/usr/bin/pgbackrest --config='/srv/my cluster/p.conf' --stanza=edge archive-push %p");
    assertThatThrownBy(() -> PgBackRestArchiving.archiveCommand("pgbackrest", "edge", "/srv/it's/p.conf"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
