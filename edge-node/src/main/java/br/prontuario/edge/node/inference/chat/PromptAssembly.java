package br.prontuario.edge.node.inference.chat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the prompt template in one pass over the template only: record text and the question are
 * inserted verbatim, so a note that contains {@code {question}} is not rewritten, and neither can
 * smuggle in the model's control tokens ({@code <end_of_turn>}, {@code <bos>} …): those are
 * defused to look-alike brackets before they reach the tokenizer.
 */
final class PromptAssembly {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(context|question)\\}");
  private static final Pattern CONTROL_TOKEN = Pattern.compile("<(/?[a-z_]{2,20}|\\|[^|<>]{1,30}\\|)>");

  private PromptAssembly() {}

  static String assemble(String template, String context, String question) {
    Matcher placeholder = PLACEHOLDER.matcher(template);
    StringBuilder prompt = new StringBuilder();
    while (placeholder.find()) {
      String value = placeholder.group(1).equals("context") ? context : question;
      placeholder.appendReplacement(prompt, Matcher.quoteReplacement(defused(value)));
    }
    placeholder.appendTail(prompt);
    return prompt.toString();
  }

  /** {@code <end_of_turn>} → {@code ‹end_of_turn›}: readable, but not a special token. */
  static String defused(String text) {
    return CONTROL_TOKEN.matcher(text).replaceAll(m -> Matcher.quoteReplacement("‹" + m.group(1) + "›"));
  }
}
