package br.prontuario.edge.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.prontuario.edge.common.problem.ProblemWriter;
import br.prontuario.edge.common.web.RequestTransaction.Finished;
import br.prontuario.edge.testsupport.servers.SharedPostgres;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The shared begin / commit / rollback of mutating requests, on a real PostgreSQL. */
class RequestTransactionIT {

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
        new ProblemWriter(JsonMapper.builder().build()));
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
}
