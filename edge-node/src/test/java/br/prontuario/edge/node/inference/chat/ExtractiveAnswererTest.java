package br.prontuario.edge.node.inference.chat;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.node.inference.model.LargeStack;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Extraction with the real MiniLM: the sentence that answers the question is quoted with its note. */
class ExtractiveAnswererTest {

  static NoteRanker ranker;
  static final UUID ALLERGY = UUID.fromString("6f1c2b9e-0d7a-4c1e-9a53-1b2c3d4e5f60");
  static final UUID FEVER = UUID.fromString("0a0b0c0d-1111-2222-3333-444455556666");

  @BeforeAll
  static void load() throws Exception {
    ranker = LargeStack.call("retrieval", () -> new NoteRanker(MiniLm.files().get("model"), MiniLm.files().get("tokenizer"), 1));
  }

  @AfterAll
  static void close() throws Exception {
    ranker.close();
  }

  @Test
  void quotesTheMostRelevantSentenceFirstWithItsNote() throws Exception {
    List<PatientContext.ContextNote> notes = List.of(
        new PatientContext.ContextNote(FEVER, "Febre de 38,5 graus há dois dias. Tosse produtiva. Sem dispneia."),
        new PatientContext.ContextNote(ALLERGY, "Paciente relata alergia grave a dipirona com urticária. Mora sozinha."));

    List<ExtractiveAnswerer.Quote> quotes = ExtractiveAnswerer.quotes(ranker, "Qual é a alergia do paciente? alergia", notes);
    String text = ExtractiveAnswerer.text(quotes);

    assertThat(quotes).hasSize(ExtractiveAnswerer.SENTENCES);
    assertThat(quotes.get(0)).isEqualTo(new ExtractiveAnswerer.Quote(ALLERGY.toString(),
        "Paciente relata alergia grave a dipirona com urticária."));
    assertThat(text).startsWith("Resposta extrativa").contains("dipirona com urticária. [nota " + ALLERGY + "]");
    assertThat(Citations.in(text, List.of(ALLERGY.toString(), FEVER.toString()))).startsWith(ALLERGY.toString());
  }

  @Test
  void splitsNotesIntoSentencesAndSkipsFragments() {
    assertThat(ExtractiveAnswerer.sentences("Febre alta há 2 dias.\nOk. Tosse seca noturna persistente."))
        .containsExactly("Febre alta há 2 dias.", "Tosse seca noturna persistente.");
  }
}
