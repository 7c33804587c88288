package br.prontuario.edge.node.patient;

import java.text.Normalizer;
import java.util.Locale;

/** The accent- and case-free form that name-prefix search matches on ("José" → "jose"). */
public final class NameKey {

  private NameKey() {}

  public static String of(String name) {
    String stripped = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return stripped.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
  }

  /** The name keys that start with a prefix: from (inclusive) to (exclusive), in code points. */
  record Range(String from, String to) {}

  /** The range of the prefix's key: "pa" → ["pa", "pb"), which in "C" order is "starts with". */
  static Range prefixRange(String prefix) {
    String from = of(prefix);
    int last = from.codePointBefore(from.length());
    String to = from.substring(0, from.length() - Character.charCount(last))
        + Character.toString(last + 1);
    return new Range(from, to);
  }
}
