package br.prontuario.edge.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.prontuario.edge.common.problem.ProblemWriter;
import br.prontuario.edge.common.web.RequestTransaction.Finished;
import br.prontuario.edge.testsupport.servers.SharedPostgres;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import br.prontuario.edge.common.problem.DatabaseOutage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The shared begin / commit / rollback of mutating requests, on a real PostgreSQL. */
class RequestTransactionIT {

  private static final DatabaseOutageHold HOLD =
      new DatabaseOutageHold(Duration.ofSeconds(3), Duration.ofMillis(100));
  private static DriverManagerDataSource database;
  private JdbcTemplate jdbc;
  private RequestTransaction transaction;
  private final MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/api/v1/x");
  private final MockHttpServletResponse response = new MockHttpServletResponse();

  @BeforeAll
  static void database() {
    database = new DriverManagerDataSource(SharedPostgres.database("request_transaction"),
        "postgres", "");
    new JdbcTemplate(database).execute("CREATE TABLE writes (id int)");
  }

  @BeforeEach
  void emptyTable() {
    jdbc = new JdbcTemplate(database);
    jdbc.execute("TRUNCATE writes");
    transaction = new RequestTransaction(
        new TransactionTemplate(new DataSourceTransactionManager(database)),
        new ProblemWriter(JsonMapper.builder().build()), HOLD);
  }

  private int rows() {
    return jdbc.queryForObject("SELECT count(*) FROM writes", Integer.class);
  }

  @Test
  void aSuccessfulRequestCommitsItsWritesAndSendsItsBody() throws Exception {
    transaction.handle(request, response, (req, res) -> {
      jdbc.update("INSERT INTO writes VALUES (1)");
      res.getWriter().write("ok");
    });

    assertThat(rows()).isEqualTo(1);
    assertThat(response.getContentAsString()).isEqualTo("ok");
  }

  @Test
  void workDeferredAtCommitRunsOutsideTheTransactionBeforeTheResponseIsSent() throws Exception {
    List<String> seen = new ArrayList<>();
    transaction.handle(request, response, (req, res) -> {
      jdbc.update("INSERT INTO writes VALUES (1)");
      res.getWriter().write("ok");
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          assertThat(AfterTransaction.defer(() -> seen.add("in transaction: "
              + TransactionSynchronizationManager.isActualTransactionActive() + ", rows: "
              + rows() + ", body sent: " + (response.getContentAsByteArray().length > 0))))
              .isTrue();
        }
      });
    });

    assertThat(seen).containsExactly("in transaction: false, rows: 1, body sent: false");
    assertThat(response.getContentAsString()).isEqualTo("ok");
    assertThat(AfterTransaction.defer(() -> { })).as("the scope closed with the request").isFalse();
  }

  @Test
  void workDeferredByARolledBackAttemptNeverRuns() throws Exception {
    List<String> seen = new ArrayList<>();
    transaction.handle(request, response, (req, res) -> {
      AfterTransaction.defer(() -> seen.add("ran"));
      ((HttpServletResponse) res).setStatus(409);
    });

    assertThat(seen).isEmpty();
    assertThat(AfterTransaction.defer(() -> { })).isFalse();
  }

  @Test
  void aRejectedRequestRollsBackItsWritesButStillSendsItsProblem() throws Exception {
    transaction.handle(request, response, (req, res) -> {
      jdbc.update("INSERT INTO writes VALUES (1)");
      ((HttpServletResponse) res).setStatus(409);
      res.getWriter().write("conflict");
    });

    assertThat(rows()).isZero();
    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(response.getContentAsString()).isEqualTo("conflict");
  }

  @Test
  void aFailingHandlerRollsBackAndItsExceptionReachesTheContainer() {
    assertThatThrownBy(() -> transaction.handle(request, response, (req, res) -> {
      jdbc.update("INSERT INTO writes VALUES (1)");
      throw new ServletException("handler broke");
    })).isInstanceOf(ServletException.class).hasMessage("handler broke");

    assertThat(rows()).isZero();
  }

  @Test
  void workThatAnswersWithoutHandlingCommitsWhatItWroteAndReturnsItsAnswer() throws Exception {
    var outcome = transaction.run(request, response, (req, res) -> {
      throw new IOException("the handler must not run");
    }, handler -> {
      jdbc.update("INSERT INTO writes VALUES (1)");
      return "earlier";
    });

    assertThat(outcome).isEqualTo(new Finished<>("earlier"));
    assertThat(rows()).isEqualTo(1);
    assertThat(response.getContentAsByteArray()).isEmpty();
  }

  @Test
  void aWriteWhoseConnectionDiesIsRunAgainAndCommittedOnceWithoutA503() throws Exception {
    AtomicInteger attempts = new AtomicInteger();

    transaction.handle(request, response, (req, res) -> {
      jdbc.update("INSERT INTO writes VALUES (1)");
      if (attempts.incrementAndGet() == 1) {
        dropOwnConnection(); // what a switchover does to the old primary's sessions
      }
      res.getWriter().write("ok");
    });

    assertThat(attempts).hasValue(2);
    assertThat(rows()).isEqualTo(1);
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getHeader("Retry-After")).isNull();
    assertThat(response.getContentAsString()).isEqualTo("ok");
  }

  @Test
  void a503TheHandlerAnsweredForTheDatabaseIsRunAgainNotSent() throws Exception {
    AtomicInteger attempts = new AtomicInteger();

    transaction.handle(request, response, (req, res) -> {
      HttpServletResponse http = (HttpServletResponse) res;
      if (attempts.incrementAndGet() == 1) { // as ProblemAdvice answers a lost database
        jdbc.update("INSERT INTO writes VALUES (1)");
        req.setAttribute(DatabaseOutage.ANSWERED, Boolean.TRUE);
        http.setStatus(503);
        http.setHeader("Retry-After", "2");
        res.getWriter().write("unavailable");
        return;
      }
      jdbc.update("INSERT INTO writes VALUES (2)");
      http.setStatus(201);
      res.getWriter().write("created");
    });

    assertThat(attempts).hasValue(2);
    assertThat(jdbc.queryForList("SELECT id FROM writes", Integer.class)).containsExactly(2);
    assertThat(response.getStatus()).isEqualTo(201);
    assertThat(response.getHeader("Retry-After")).isNull();
    assertThat(response.getContentAsString()).isEqualTo("created");
  }

  @Test
  void a503ThatIsNotTheDatabasesIsSentAsItIs() throws Exception {
    AtomicInteger attempts = new AtomicInteger();

    transaction.handle(request, response, (req, res) -> {
      attempts.incrementAndGet();
      ((HttpServletResponse) res).setStatus(503); // e.g. a model not loaded
      res.getWriter().write("busy");
    });

    assertThat(attempts).hasValue(1);
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getContentAsString()).isEqualTo("busy");
  }

  @Test
  void anOutageThatOutlastsTheHoldIsA503AndStoresNothing() throws Exception {
    RequestTransaction shortHold = new RequestTransaction(
        new TransactionTemplate(new DataSourceTransactionManager(database)),
        new ProblemWriter(JsonMapper.builder().build()),
        new DatabaseOutageHold(Duration.ofMillis(500), Duration.ofMillis(100)));
    AtomicInteger attempts = new AtomicInteger();

    var outcome = shortHold.handle(request, response, (req, res) -> {
      attempts.incrementAndGet();
      jdbc.update("INSERT INTO writes VALUES (1)");
      dropOwnConnection();
    });

    assertThat(outcome).isInstanceOf(RequestTransaction.Unavailable.class);
    assertThat(attempts.get()).isGreaterThan(1);
    assertThat(rows()).isZero();
    UnreachableDatabase.assertAnswered503WithRetryAfter(response);
  }

  /** Terminates this transaction's own backend: the next statement fails with 57P01. */
  private void dropOwnConnection() {
    jdbc.execute("SELECT pg_terminate_backend(pg_backend_pid())");
  }
}
