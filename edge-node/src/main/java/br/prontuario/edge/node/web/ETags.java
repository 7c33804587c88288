package br.prontuario.edge.node.web;

import br.prontuario.edge.common.problem.ApiProblem;

/** Strong ETags of versioned records, and the If-Match rule for updates. */
public final class ETags {

  private ETags() {}

  public static String of(Object version) {
    return "\"" + version + "\"";
  }

  /** The version the client last read; 428 when If-Match is missing or a wildcard. */
  public static String required(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
      throw ApiProblem.preconditionRequired();
    }
    String value = ifMatch.trim();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    return value;
  }
}
