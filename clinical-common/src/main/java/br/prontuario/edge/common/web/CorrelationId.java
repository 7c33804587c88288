package br.prontuario.edge.common.web;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/** The id that ties a request's logs, audit rows and error responses together. */
public final class CorrelationId {

  public static final String HEADER = "X-Correlation-Id";
  public static final String MDC_KEY = "correlationId";
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private CorrelationId() {}

  /** The caller's id when it is safe to echo and log, otherwise a new one. */
  static String accept(String fromHeader) {
    return fromHeader != null && SAFE.matcher(fromHeader).matches()
        ? fromHeader
        : UUID.randomUUID().toString();
  }

  /** The current request's id, or a fresh one outside a request. */
  public static String current() {
    String id = MDC.get(MDC_KEY);
    return id != null ? id : UUID.randomUUID().toString();
  }
}
