package br.prontuario.edge.node.support;

import br.prontuario.edge.common.security.JwtService;
import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.localcluster.process.FreePorts;
import br.prontuario.edge.node.EdgeNodeApplication;
import br.prontuario.edge.node.patient.Cpf;
import br.prontuario.edge.testsupport.http.TestHttp;
import br.prontuario.edge.testsupport.servers.SharedPostgres;
import br.prontuario.edge.testsupport.servers.SharedRedis;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the API integration tests: one edge-node context on a real PostgreSQL database and a
 * real Redis, shared by every subclass (same configuration, so Spring caches one context).
 * Tests create their own patients, so they do not depend on each other's data.
 */
@SpringBootTest(classes = EdgeNodeApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class EdgeNodeIT {

  public static final String SECRET = "dGVzdC1zZWNyZXQtdGhhdC1pcy1sb25nLWVub3VnaC0xMjM0NTY3OA==";
  /** The lab system every test context knows: LIS-FHIR@HOSP, proving itself with this token. */
  public static final String LAB_SENDER = "LIS-FHIR@HOSP";
  public static final String LAB_TOKEN = "lab-token-for-the-tests-0123456789";
  private static final String DATABASE = SharedPostgres.database("edge_api");
  private static final AtomicInteger CPF_SEQ = new AtomicInteger((int) (System.nanoTime() % 1000) * 1000);

  @DynamicPropertySource
  static void edgeNode(DynamicPropertyRegistry registry) {
    // the contract's multi-host form; the first host is a closed port, so every connection
    // proves that pgjdbc skips it and finds the primary
    registry.add("spring.datasource.url", () -> DATABASE.replace("//127.0.0.1:",
        "//127.0.0.1:" + FreePorts.next() + ",127.0.0.1:") + "?targetServerType=primary");
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.data.redis.host", () -> "127.0.0.1");
    registry.add("spring.data.redis.port", () -> SharedRedis.server().port());
    registry.add("edge.security.jwt-secret", () -> SECRET);
    registry.add("edge.node.name", () -> "node-test");
    registry.add("edge.demo.enabled", () -> "true");
    registry.add("edge.demo.password", () -> "demo-password-1");
    registry.add("edge.demo.patients", () -> "5");
    registry.add("edge.lab.senders[0].application", () -> "LIS-FHIR");
    registry.add("edge.lab.senders[0].facility", () -> "HOSP");
    registry.add("edge.lab.senders[0].token-sha256", () -> sha256Hex(LAB_TOKEN));
    // the webhook tests drive their own relay round by round
    registry.add("edge.events.poll", () -> "0s");
  }

  private static String sha256Hex(String text) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @LocalServerPort protected int port;
  @Autowired protected JwtService jwt;
  @Autowired protected JdbcTemplate jdbc;
  @Autowired protected javax.sql.DataSource dataSource;
  protected TestHttp api;

  @BeforeEach
  void client() {
    api = new TestHttp(port);
  }

  protected String token(Role role) {
    return token(role.claim() + "-user", role);
  }

  protected String token(String username, Role role) {
    return jwt.issue(username, EnumSet.of(role)).token();
  }

  /** A valid, unused CPF. */
  protected static String freshCpf() {
    return Cpf.fromBase(String.format("1%08d", CPF_SEQ.incrementAndGet()));
  }

  /**
   * From now on every commit that wrote WAL waits for a synchronous standby that never answers, as
   * on a primary cut off from its standby: committed locally, visible, not acknowledged. Undo with
   * {@link #noStandbyRequired()} in a finally. The test server runs with synchronous_commit=off
   * (speed); a database's own setting outranks the command line for new sessions, so the pool's
   * connections are replaced.
   */
  protected void requireAStandbyThatNeverAnswers() {
    jdbc.execute("ALTER SYSTEM SET synchronous_standby_names = 'standby_that_never_answers'");
    jdbc.execute("SELECT pg_reload_conf()");
    jdbc.execute("ALTER DATABASE " + currentDatabase() + " SET synchronous_commit = on");
    ((HikariDataSource) dataSource).getHikariPoolMXBean().softEvictConnections();
  }

  /** Releases every commit still waiting: PostgreSQL wakes them when no standby is required. */
  protected void noStandbyRequired() {
    jdbc.execute("ALTER SYSTEM RESET synchronous_standby_names");
    jdbc.execute("SELECT pg_reload_conf()");
    jdbc.execute("ALTER DATABASE " + currentDatabase() + " RESET synchronous_commit");
    ((HikariDataSource) dataSource).getHikariPoolMXBean().softEvictConnections();
  }

  private String currentDatabase() {
    return jdbc.queryForObject("SELECT quote_ident(current_database())", String.class);
  }

  protected String createPatient(String name) {
    TestHttp.Reply reply = api.post("/api/v1/patients", token(Role.PHYSICIAN), TestHttp.json(Map.of(
        "name", name, "birthDate", "1980-05-17", "sex", "female", "cpf", freshCpf())));
    if (reply.status() != 201) {
      throw new AssertionError("patient not created: " + reply);
    }
    return reply.json().get("id").asText();
  }

  protected int count(String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
  }
}
