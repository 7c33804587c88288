package br.prontuario.edge.cloud.support;

import br.prontuario.edge.cloud.CloudFallbackApplication;
import br.prontuario.edge.common.security.JwtService;
import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.testsupport.http.TestHttp;
import br.prontuario.edge.testsupport.servers.SharedPostgres;
import br.prontuario.edge.testsupport.servers.SharedRedis;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the API tests: one cloud-fallback context on a real PostgreSQL database that has the
 * edge schema (built here with edge-node's own migrations, as replication would deliver it) and
 * already counts as activated (a primary), plus a second database standing for the edge primary
 * that failback writes into. Shared by every subclass: Spring caches one context.
 */
@SpringBootTest(classes = CloudFallbackApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(HoldingEndpoint.class)
public abstract class CloudFallbackTest {

  public static final String SECRET = "dGVzdC1zZWNyZXQtdGhhdC1pcy1sb25nLWVub3VnaC0xMjM0NTY3OA==";
  public static final String MIGRATIONS =
      "classpath:db/migration/common,filesystem:../edge-node/src/main/resources/db/migration/edge";
  private static final String CLOUD = SharedPostgres.database("cloud_api");
  protected static final String EDGE = SharedPostgres.database("cloud_api_edge");

  @DynamicPropertySource
  static void cloudFallback(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> CLOUD);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.flyway.enabled", () -> "true");
    registry.add("spring.flyway.locations", () -> MIGRATIONS);
    registry.add("spring.data.redis.host", () -> "127.0.0.1");
    registry.add("spring.data.redis.port", () -> SharedRedis.server().port());
    registry.add("edge.security.jwt-secret", () -> SECRET);
    registry.add("cloud.replication.edge-jdbc-url", () -> EDGE);
  }

  @LocalServerPort protected int port;
  @Autowired protected JwtService jwt;
  @Autowired protected JdbcTemplate jdbc;
  protected TestHttp http;
  protected ClinicalFixtures fixtures;

  @BeforeEach
  void client() {
    http = new TestHttp(port);
    fixtures = new ClinicalFixtures(jdbc);
  }

  protected String token(Role role) {
    return jwt.issue(role.claim() + "-user", EnumSet.of(role)).token();
  }

  protected static String cpf() {
    return String.format("%011d", Math.abs(System.nanoTime() % 100_000_000_000L));
  }
}
