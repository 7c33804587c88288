package br.prontuario.edge.localcluster.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.prontuario.edge.site.patroni.PatroniCredentials;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CloudPatroniConfigTest {

  private static final CloudPorts PORTS = new CloudPorts(2379, 2380, 8008, 5432, 6432, 8080, 6379);
  private static final CloudPatroni.CloudTls TLS =
      new CloudPatroni.CloudTls("/c/tls/server.crt", "/c/tls/server.key", "/c/tls/ca.crt");
  private static final PatroniCredentials REST = new PatroniCredentials("patroni-ops", "s3cret");

  @Test
  void theCloudSiteSpeaksTlsOnItsRestApiAndItsDatabaseAndTrustsNoConnection() {
    JsonNode c = JsonMapper.shared().readTree(CloudPatroni.config(Path.of("/c"), PORTS,
        new StandbyCredentials("postgres", "pw", "replicator", "rpw"), REST, TLS));

    assertThat(c.at("/restapi/certfile").asString()).isEqualTo("/c/tls/server.crt");
    assertThat(c.at("/restapi/keyfile").asString()).isEqualTo("/c/tls/server.key");
    assertThat(c.at("/restapi/authentication/username").asString()).isEqualTo("patroni-ops");
    assertThat(c.at("/postgresql/parameters/ssl").asString()).isEqualTo("on");
    assertThat(c.at("/postgresql/parameters/ssl_ca_file").asString()).isEqualTo("/c/tls/ca.crt");
    List<String> hba = c.at("/postgresql/pg_hba").valueStream().map(JsonNode::asString).toList();
    assertThat(hba).noneMatch(line -> line.contains("trust"))
        .noneMatch(line -> line.startsWith("host "))
        .contains("hostnossl all all 0.0.0.0/0 reject");
    assertThat(CloudPatroni.restUrl(PORTS)).isEqualTo("https://127.0.0.1:8008");
  }

  @Test
  void withoutItsPasswordsTheCloudSiteDoesNotStartRatherThanTrustEveryone() {
    assertThatThrownBy(() -> CloudPatroni.config(Path.of("/c"), PORTS, new StandbyCredentials("postgres", "", "replicator", ""), REST, TLS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trusts no connection");
  }
}
