package br.prontuario.edge.common.idempotency;

import br.prontuario.edge.common.problem.ProblemWriter;
import br.prontuario.edge.common.web.DatabaseOutageHold;
import br.prontuario.edge.common.security.ClinicalPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edge as a clinician's retry meets it, for the failback tests: clinical-common's real
 * {@link IdempotencyFilter} on the edge database, in front of a handler that writes the record
 * the way edge-node does (in the filter's transaction) and answers 201 with its Location.
 */
public final class EdgeSite {

  /** What the edge answered; replayed = the filter gave a stored response instead of writing. */
  public record Reply(int status, String body, String location, boolean replayed) {}

  private final JdbcTemplate jdbc;
  private final IdempotencyFilter filter;

  public EdgeSite(DataSource edge) {
    this.jdbc = new JdbcTemplate(edge);
    this.filter = new IdempotencyFilter(new IdempotencyStore(jdbc),
        new TransactionTemplate(new DataSourceTransactionManager(edge)),
        new ProblemWriter(JsonMapper.builder().build()), DatabaseOutageHold.none());
  }

  /**
   * POSTs body to path with the key as principal. writer inserts the record (it runs inside the
   * filter's transaction) and returns its id; beforeCommit runs after it, still inside.
   */
  public Reply post(String principal, String path, String body, String key,
      Function<JdbcTemplate, UUID> writer, Runnable beforeCommit) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
    request.setContentType("application/json");
    request.setContent(body.getBytes(StandardCharsets.UTF_8));
    request.addHeader(IdempotencyFilter.HEADER, key);
    MockHttpServletResponse response = new MockHttpServletResponse();
    SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(
        new ClinicalPrincipal(principal, java.util.Set.of()), null, List.of()));
    try {
      filter.doFilter(request, response, (req, res) -> {
        UUID id = writer.apply(jdbc);
        beforeCommit.run();
        HttpServletResponse http = (HttpServletResponse) res;
        http.setStatus(201);
        http.setHeader(HttpHeaders.LOCATION, path + "/" + id);
        http.setContentType("application/json");
        http.getOutputStream().write(("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
      });
      return new Reply(response.getStatus(), response.getContentAsString(StandardCharsets.UTF_8),
          response.getHeader(HttpHeaders.LOCATION),
          "true".equals(response.getHeader(IdempotencyFilter.REPLAYED)));
    } catch (IOException | jakarta.servlet.ServletException e) {
      throw new IllegalStateException(e);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
