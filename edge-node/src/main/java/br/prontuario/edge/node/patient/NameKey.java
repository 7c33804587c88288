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

  /** A LIKE pattern for the prefix, with LIKE's own wildcards escaped. */
  static String prefixPattern(String prefix) {
    return of(prefix).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
