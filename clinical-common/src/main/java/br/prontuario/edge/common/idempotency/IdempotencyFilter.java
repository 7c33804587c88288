package br.prontuario.edge.common.idempotency;

import br.prontuario.edge.common.audit.AuditHashing;
import br.prontuario.edge.common.problem.ProblemWriter;
import br.prontuario.edge.common.security.ClinicalPrincipal;
import br.prontuario.edge.common.web.CachedBodyRequest;
import br.prontuario.edge.common.web.DatabaseOutageHold;
import br.prontuario.edge.common.web.RequestTransaction;
import br.prontuario.edge.common.web.RequestTransaction.Finished;
import br.prontuario.edge.common.web.RequestTransaction.Outcome;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * Every authenticated POST under /api/v1 (except auth) needs an Idempotency-Key. The key is
 * claimed, the request handled and its 2xx response stored in one transaction; a replay gets the
 * stored response, the same key with another request gets 422. Non-2xx outcomes roll everything
 * back, so the client may fix the request and retry with the same key. The transaction, its
 * rollback and the 503 on a lost database are {@link RequestTransaction}'s, shared with
 * PUT/PATCH/DELETE.
 */
@Component
@Order(0) // after Spring Security (-100): needs the principal
public class IdempotencyFilter extends OncePerRequestFilter {

  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED = "Idempotent-Replayed";
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

  private final IdempotencyStore store;
  private final RequestTransaction transaction;
  private final ProblemWriter problems;

  IdempotencyFilter(IdempotencyStore store, TransactionTemplate transactions,
      ProblemWriter problems, DatabaseOutageHold hold) {
    this.store = store;
    this.transaction = new RequestTransaction(transactions, problems, hold);
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    // dictation and chat store nothing (a draft, an answer): a retry is harmless, and holding a
    // transaction and buffering the response for a whole inference would break SSE streaming
    return !"POST".equals(request.getMethod()) || !path.startsWith("/api/v1/")
        || path.startsWith("/api/v1/auth/") || path.equals("/api/v1/dictations")
        || path.startsWith("/api/v1/chat");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    Optional<ClinicalPrincipal> principal = ClinicalPrincipal.current();
    if (principal.isEmpty()) {
      chain.doFilter(request, response); // security rejects it
      return;
    }
    String key = request.getHeader(HEADER);
    if (key == null || !KEY.matcher(key).matches()) {
      problems.write(request, response, HttpStatus.BAD_REQUEST, "Idempotency-Key required",
          "Every POST needs an Idempotency-Key header of 8-128 characters [A-Za-z0-9._:-].");
      return;
    }
    String user = principal.get().username();
    String requestHash = requestHash(request);
    Outcome<Optional<StoredResponse>> outcome = transaction.run(request, response, chain,
        handler -> {
          if (!store.claim(user, key, requestHash)) {
            Optional<StoredResponse> earlier = store.find(user, key);
            // a replay acknowledges the earlier write: only once the standby has it
            earlier.filter(e -> e.requestHash().equals(requestHash))
                .ifPresent(e -> store.awaitReplicated(user, key));
            return earlier;
          }
          handler.proceed().ifPresent(ok -> store.complete(user, key, stored(requestHash, ok)));
          return Optional.empty();
        });
    if (!(outcome instanceof Finished<Optional<StoredResponse>> finished)
        || finished.result().isEmpty()) {
      return; // handled here (or 503): the response is written
    }
    StoredResponse earlier = finished.result().get();
    if (!earlier.requestHash().equals(requestHash)) {
      problems.write(request, response, HttpStatus.UNPROCESSABLE_CONTENT,
          "Idempotency-Key reused", "This Idempotency-Key was used for a different request.");
    } else {
      replay(earlier, response);
    }
  }

  private static StoredResponse stored(String requestHash, ContentCachingResponseWrapper ok) {
    return new StoredResponse(requestHash, ok.getStatus(), ok.getContentType(),
        ok.getHeader(HttpHeaders.LOCATION), ok.getHeader(HttpHeaders.ETAG),
        ok.getContentAsByteArray());
  }

  private static void replay(StoredResponse stored, HttpServletResponse response)
      throws IOException {
    response.setStatus(stored.status());
    if (stored.contentType() != null) {
      response.setContentType(stored.contentType());
    }
    if (stored.location() != null) {
      response.setHeader(HttpHeaders.LOCATION, stored.location());
    }
    if (stored.etag() != null) {
      response.setHeader(HttpHeaders.ETAG, stored.etag());
    }
    response.setHeader(REPLAYED, "true");
    response.getOutputStream().write(stored.body());
  }

  private static String requestHash(HttpServletRequest request) throws IOException {
    CachedBodyRequest cached = WebUtils.getNativeRequest(request, CachedBodyRequest.class);
    byte[] body = cached != null ? cached.body() : request.getInputStream().readAllBytes();
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    String target = request.getMethod() + " " + request.getRequestURI() + "?"
        + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n";
    content.write(target.getBytes(StandardCharsets.UTF_8));
    content.write(body);
    return AuditHashing.sha256(content.toByteArray());
  }
}
