package br.prontuario.edge.drill.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateWritesTest {

  @Test
  void countsAWriteStoredTwiceOnce() {
    List<StoredNote> stored = List.of(
        new StoredNote("p1", "n1", "Evolução de simulação r #1"),
        new StoredNote("p1", "n2", "Evolução de simulação r #2"),
        new StoredNote("p1", "n3", "Evolução de simulação r #2"));

    assertThat(DuplicateWrites.count(stored)).isEqualTo(1);
    assertThat(DuplicateWrites.extraCopies(stored)).containsExactly("n3");
  }

  @Test
  void countsAWriteStoredThreeTimesAsOneDuplicatedWriteWithTwoExtraCopies() {
    List<StoredNote> stored = List.of(
        new StoredNote("p1", "n1", "Evolução de simulação r #7"),
        new StoredNote("p1", "n2", "Evolução de simulação r #7"),
        new StoredNote("p1", "n3", "Evolução de simulação r #7"));

    assertThat(DuplicateWrites.count(stored)).isEqualTo(1);
    assertThat(DuplicateWrites.extraCopies(stored)).containsExactly("n2", "n3");
  }

  @Test
  void theSameTextForTwoPatientsIsTwoWrites() {
    List<StoredNote> stored = List.of(
        new StoredNote("p1", "n1", "Evolução de simulação r #1"),
        new StoredNote("p2", "n2", "Evolução de simulação r #1"));

    assertThat(DuplicateWrites.count(stored)).isZero();
    assertThat(DuplicateWrites.extraCopies(stored)).isEmpty();
  }

  @Test
  void readsTheTextOfEveryNoteOfAPage() {
    var page = NoteVerifier.NotePage.of(tools.jackson.databind.json.JsonMapper.shared().readTree(
        "{\"items\":[{\"id\":\"a\",\"text\":\"t #1\"},{\"id\":\"b\",\"text\":\"t #1\"}]}"));

    assertThat(page.notes()).extracting(NoteVerifier.NotePage.PageNote::text)
        .containsExactly("t #1", "t #1");
  }
}
