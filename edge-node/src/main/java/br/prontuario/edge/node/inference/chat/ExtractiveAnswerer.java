package br.prontuario.edge.node.inference.chat;

import ai.onnxruntime.OrtException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The answer of a node without a generative model: the record's sentences most similar to the
 * question (MiniLM embeddings, cosine), each quoted with the note it comes from. Nothing is
 * paraphrased, so nothing can be made up; the answer says it is extractive.
 */
final class ExtractiveAnswerer {

  static final String HEADER = "Resposta extrativa (sem modelo generativo instalado): trechos do prontuário mais"
      + " relacionados à pergunta, copiados das notas citadas.";
  static final int SENTENCES = 3;
  private static final int MIN_CHARS = 12;

  /** One quoted sentence and its note. */
  record Quote(String noteId, String sentence) {}

  private ExtractiveAnswerer() {}

  static List<Quote> quotes(NoteRanker ranker, String question, List<PatientContext.ContextNote> notes) throws OrtException {
    List<Quote> candidates = new ArrayList<>();
    for (PatientContext.ContextNote note : notes) {
      for (String sentence : sentences(note.text())) {
        candidates.add(new Quote(note.id().toString(), sentence));
      }
    }
    List<String> texts = candidates.stream().map(Quote::sentence).toList();
    return ranker.rank(question, texts, SENTENCES).stream().map(candidates::get).toList();
  }

  static String text(List<Quote> quotes) {
    if (quotes.isEmpty()) {
      return "Resposta extrativa: não há notas deste paciente que o usuário possa ler.";
    }
    StringBuilder text = new StringBuilder(HEADER);
    quotes.forEach(q -> text.append("\n- ").append(q.sentence()).append(" [nota ").append(q.noteId()).append(']'));
    return text.toString();
  }

  static List<String> sentences(String text) {
    BreakIterator boundaries = BreakIterator.getSentenceInstance(Locale.forLanguageTag("pt-BR"));
    String flat = text.replace('\n', ' ').strip();
    boundaries.setText(flat);
    List<String> sentences = new ArrayList<>();
    for (int start = boundaries.first(), end = boundaries.next(); end != BreakIterator.DONE; start = end, end = boundaries.next()) {
      String sentence = flat.substring(start, end).strip();
      if (sentence.length() >= MIN_CHARS) {
        sentences.add(sentence);
      }
    }
    return sentences;
  }
}
