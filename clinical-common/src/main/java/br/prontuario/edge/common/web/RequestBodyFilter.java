package br.prontuario.edge.common.web;

import br.prontuario.edge.common.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads request bodies up front: over the limit is 413, JSON that is not valid UTF-8 is 400, both
 * before anything else runs. Later filters (idempotency) and controllers re-read the cached body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestBodyFilter extends OncePerRequestFilter {

  public static final int MAX_BODY_BYTES = 1024 * 1024;
  /** Recorded dictations (WAV) are the one body larger than JSON; see docs/inference.md. */
  public static final int MAX_AUDIO_BODY_BYTES = 64 * 1024 * 1024;
  private static final String AUDIO_PATH = "/api/v1/dictations";
  /** Face enrolment and login carry photos (10 of 512 KiB at most, base64 in JSON). */
  public static final int MAX_FACE_BODY_BYTES = 8 * 1024 * 1024;
  private static final String FACE_PATH = "/api/v1/auth/face";
  private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

  private final ProblemWriter problems;

  public RequestBodyFilter(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (!WITH_BODY.contains(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    int limit = limitFor(request.getRequestURI());
    if (request.getContentLengthLong() > limit) {
      tooLarge(request, response, limit);
      return;
    }
    byte[] body = readBounded(request.getInputStream(), limit);
    if (body == null) {
      tooLarge(request, response, limit);
      return;
    }
    String contentType = request.getContentType();
    if (contentType != null && contentType.toLowerCase().contains("json") && !isUtf8(body)) {
      problems.write(request, response, HttpStatus.BAD_REQUEST, "Invalid encoding",
          "The request body is not valid UTF-8.");
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  private void tooLarge(HttpServletRequest request, HttpServletResponse response, int limit)
      throws IOException {
    // the connection may still carry unread bytes; close it rather than drain a huge body
    response.setHeader("Connection", "close");
    problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
        "Request bodies are limited to " + limit + " bytes.");
  }

  private static int limitFor(String path) {
    if (AUDIO_PATH.equals(path)) {
      return MAX_AUDIO_BODY_BYTES;
    }
    return path.startsWith(FACE_PATH) ? MAX_FACE_BODY_BYTES : MAX_BODY_BYTES;
  }

  /** The whole body, or null when it is over the limit. */
  private static byte[] readBounded(InputStream in, int limit) throws IOException {
    byte[] bytes = in.readNBytes(limit + 1);
    return bytes.length > limit ? null : bytes;
  }

  private static boolean isUtf8(byte[] body) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
