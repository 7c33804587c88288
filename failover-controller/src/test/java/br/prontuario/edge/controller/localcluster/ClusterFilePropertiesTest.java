package br.prontuario.edge.controller.localcluster;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.controller.election.ElectionProperties;
import br.prontuario.edge.controller.patroni.PatroniApiProperties;
import br.prontuario.edge.controller.probe.ClusterTopology;
import br.prontuario.edge.controller.probe.SentinelAuthProperties;
import br.prontuario.edge.controller.routing.RoutingProperties;
import br.prontuario.edge.site.patroni.PatroniCredentials;
import br.prontuario.edge.site.resp.RespCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** cluster.json in the shape local-cluster's ClusterDescriptor writes. */
class ClusterFilePropertiesTest {

  @TempDir Path dir;

  @Test
  void configuresNodesSentinelsHaproxyEtcdTheSecretAndPatroniCredentialsFromClusterJson() throws IOException {
    Path file = dir.resolve("cluster.json");
    Files.writeString(file, """
        {"entrypoint":"http://127.0.0.1:18080","jwtSecret":"c2VjcmV0","controller":{"url":null},
         "nodes":[{"name":"node-a","appUrl":"http://127.0.0.1:18081","patroniUrl":"http://127.0.0.1:18008",
                   "postgresPort":15432,"redisPort":16379,"sentinelPort":26379,"etcdClientUrl":"http://127.0.0.1:12379"},
                  {"name":"node-b","appUrl":"http://127.0.0.1:18082","patroniUrl":"http://127.0.0.1:18009",
                   "postgresPort":15433,"redisPort":16380,"sentinelPort":26380,"etcdClientUrl":"http://127.0.0.1:12380"}],
         "haproxy":{"runtimeApi":"127.0.0.1:19999","statsUrl":"x","backend":"edge_nodes","servers":["node-a","node-b","cloud"],
                    "runtimeApis":["127.0.0.1:19999","127.0.0.1:19998","127.0.0.1:19997"]},
         "etcd":{"endpoints":["http://127.0.0.1:12379","http://127.0.0.1:12380","http://127.0.0.1:12381"]},
         "redis":{"masterName":"edge","sentinels":["127.0.0.1:26379","127.0.0.1:26380","127.0.0.1:26381"],
                  "username":"controller","password":"sentinel-pw"},
         "patroniApi":{"username":"patroni-ops","password":"rest-pw"},
         "tls":{"caCertificate":"/tmp/cluster/tls/ca.crt"}}
        """);
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("args",
        Map.of(ClusterFileProperties.KEY, file.toString(), "edge.controller.election.mode", "etcd")));

    new ClusterFileProperties().postProcessEnvironment(environment, new SpringApplication());

    Binder binder = Binder.get(environment);
    ClusterTopology topology = binder.bind("edge.controller.cluster", ClusterTopology.class).get();
    assertThat(topology.nodes()).containsExactly(
        new ClusterTopology.Node("node-a", "http://127.0.0.1:18081", "http://127.0.0.1:18008", "127.0.0.1:16379"),
        new ClusterTopology.Node("node-b", "http://127.0.0.1:18082", "http://127.0.0.1:18009", "127.0.0.1:16380"));
    assertThat(topology.sentinels()).hasSize(3);
    RoutingProperties routing = binder.bind("edge.controller.routing", RoutingProperties.class).get();
    assertThat(routing.haproxy().runtimeApiPort()).isEqualTo(19999);
    // every box's entry HAProxy, driven by whichever replica acts
    assertThat(routing.haproxy().addresses())
        .containsExactly("127.0.0.1:19999", "127.0.0.1:19998", "127.0.0.1:19997");
    ElectionProperties election = binder.bind("edge.controller.election", ElectionProperties.class).get();
    assertThat(election.etcdEndpoints()).hasSize(3);
    assertThat(environment.getProperty("edge.security.jwt-secret")).isEqualTo("c2VjcmV0");
    assertThat(binder.bind("edge.controller.sentinel-auth", SentinelAuthProperties.class).get().credentials())
        .isEqualTo(new RespCredentials("controller", "sentinel-pw"));
    PatroniApiProperties patroni = binder.bind("edge.controller.patroni", PatroniApiProperties.class).get();
    assertThat(patroni.credentials()).isEqualTo(new PatroniCredentials("patroni-ops", "rest-pw"));
    // the nodes' Patroni REST APIs present certificates from the cluster CA
    assertThat(patroni.caCertificate()).isEqualTo(Path.of("/tmp/cluster/tls/ca.crt"));
  }

  @Test
  void duringARotationTheRetiringJwtSecretAndPreviousPatroniPasswordComeFromClusterJson() throws IOException {
    Path file = dir.resolve("cluster.json");
    Files.writeString(file, """
        {"entrypoint":"http://127.0.0.1:18080","jwtSecret":"bmV3LXNlY3JldA==","nodes":[],
         "previousJwtSecret":{"secret":"b2xkLXNlY3JldC1vbGQtc2VjcmV0LW9sZC1zZWNyZXQtb2xkLXNlY3JldA==",
                              "acceptedUntil":"2026-12-03T13:00:00Z"},
         "patroniApi":{"username":"patroni-ops","password":"new-pw","previousPassword":"old-pw"}}
        """);
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("args",
        Map.of(ClusterFileProperties.KEY, file.toString())));

    new ClusterFileProperties().postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("edge.security.jwt-secret")).isEqualTo("bmV3LXNlY3JldA==");
    assertThat(environment.getProperty("edge.security.previous-jwt-secret"))
        .isEqualTo("b2xkLXNlY3JldC1vbGQtc2VjcmV0LW9sZC1zZWNyZXQtb2xkLXNlY3JldA==");
    assertThat(environment.getProperty("edge.security.previous-jwt-secret-until")).isEqualTo("2026-12-03T13:00:00Z");
    PatroniApiProperties patroni = Binder.get(environment).bind("edge.controller.patroni", PatroniApiProperties.class)
        .get();
    assertThat(patroni.credentials().password()).isEqualTo("new-pw");
    assertThat(patroni.credentials().previous()).contains(new PatroniCredentials("patroni-ops", "old-pw"));
  }
}
