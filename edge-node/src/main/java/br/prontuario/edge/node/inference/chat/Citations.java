package br.prontuario.edge.node.inference.chat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notes an answer cites, written {@code [nota <uuid>]} as the prompt's context tags them: in
 * order of first citation, without repeats, and only ids that were in the context (a model may
 * invent or garble an id; that citation is dropped, never shown as a source).
 */
final class Citations {

  private static final Pattern CITATION = Pattern.compile(
      "\\[nota ([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\]");

  private Citations() {}

  static List<String> in(String answer, Collection<String> contextIds) {
    List<String> cited = new ArrayList<>();
    Matcher m = CITATION.matcher(answer);
    while (m.find()) {
      String id = m.group(1).toLowerCase(Locale.ROOT);
      if (contextIds.contains(id) && !cited.contains(id)) {
        cited.add(id);
      }
    }
    return List.copyOf(cited);
  }
}
