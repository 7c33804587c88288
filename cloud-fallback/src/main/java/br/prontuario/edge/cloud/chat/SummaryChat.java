package br.prontuario.edge.cloud.chat;

import br.prontuario.edge.cloud.summary.ClinicalItem;
import br.prontuario.edge.cloud.summary.EmergencySummary;
import br.prontuario.edge.cloud.summary.NoteItem;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The emergency "chat" is not a language model: it recognises what the question is about by
 * keywords and answers with the matching part of the patient's emergency summary, verbatim.
 */
final class SummaryChat {

  static final String LABEL = "Resposta automática montada a partir do resumo de emergência do"
      + " paciente — não é um modelo de IA. Confirme no prontuário.";

  enum Topic { ALLERGIES, PROBLEMS, MEDICATIONS, ALERTS, NOTES, OVERVIEW }

  record Answer(Topic topic, List<String> lines) {}

  private SummaryChat() {}

  static Answer answer(String question, EmergencySummary summary) {
    Topic topic = topicOf(question);
    List<String> lines = switch (topic) {
      case ALLERGIES -> entries(summary.allergies(), "Nenhuma alergia ativa registrada.",
          a -> a.text("substance") + " (" + a.text("severity") + ")" + suffix(a.text("reaction")));
      case PROBLEMS -> entries(summary.problems(), "Nenhum problema ativo registrado.",
          p -> p.text("description") + suffix(p.text("cid10")));
      case MEDICATIONS -> notes(summary.activeMedications(), "Nenhuma prescrição registrada.");
      case ALERTS -> entries(summary.criticalAlerts(), "Nenhum alerta crítico em aberto.",
          a -> a.text("message") + " [" + a.text("status") + "]");
      case NOTES -> notes(summary.lastNotes(), "Nenhuma nota registrada.");
      case OVERVIEW -> overview(summary);
    };
    return new Answer(topic, lines);
  }

  static Topic topicOf(String question) {
    String q = Normalizer.normalize(question, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT);
    if (q.matches(".*\\b(alergi|allerg).*")) {
      return Topic.ALLERGIES;
    }
    if (q.matches(".*\\b(medica|remedio|prescri|droga|dose|medication).*")) {
      return Topic.MEDICATIONS;
    }
    if (q.matches(".*\\b(alerta|alert|risco|critic).*")) {
      return Topic.ALERTS;
    }
    if (q.matches(".*\\b(problema|diagnos|doenca|comorbid|cid|problem).*")) {
      return Topic.PROBLEMS;
    }
    if (q.matches(".*\\b(nota|evolu|ultim|historico|note).*")) {
      return Topic.NOTES;
    }
    return Topic.OVERVIEW;
  }

  private static List<String> overview(EmergencySummary s) {
    List<String> lines = new ArrayList<>();
    lines.add("Alergias ativas: " + s.allergies().size() + "; problemas ativos: "
        + s.problems().size() + "; alertas críticos em aberto: " + s.criticalAlerts().size() + ".");
    lines.addAll(entries(s.allergies(), "Nenhuma alergia ativa registrada.",
        a -> "Alergia: " + a.text("substance") + " (" + a.text("severity") + ")"));
    s.criticalAlerts().forEach(a -> lines.add("Alerta: " + a.text("message")));
    return lines;
  }

  private static List<String> entries(List<ClinicalItem> items, String none,
      Function<ClinicalItem, String> line) {
    return items.isEmpty() ? List.of(none) : items.stream().map(line).toList();
  }

  private static List<String> notes(List<NoteItem> notes, String none) {
    return notes.isEmpty() ? List.of(none)
        : notes.stream().map(n -> n.recordedAt().toLocalDate() + " " + n.type() + ": " + n.text())
            .toList();
  }

  private static String suffix(String detail) {
    return detail.isBlank() ? "" : " — " + detail;
  }
}
