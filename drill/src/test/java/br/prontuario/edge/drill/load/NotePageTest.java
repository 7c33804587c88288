package br.prontuario.edge.drill.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class NotePageTest {

  @Test
  void readsIdsAndTheNextCursorOfAPage() {
    var page = NoteVerifier.NotePage.of(JsonMapper.shared().readTree(
        "{\"items\":[{\"id\":\"a\"},{\"id\":\"b\"}],\"nextCursor\":\"c2\"}"));

    assertThat(page.ids()).containsExactly("a", "b");
    assertThat(page.nextCursor()).isEqualTo("c2");
  }

  @Test
  void theLastPageHasNoCursor() {
    var page = NoteVerifier.NotePage.of(JsonMapper.shared().readTree(
        "{\"items\":[{\"id\":7}],\"nextCursor\":null}"));

    assertThat(page.ids()).containsExactly("7");
    assertThat(page.nextCursor()).isNull();
  }

  @Test
  void aBareArrayIsOnePage() {
    var page = NoteVerifier.NotePage.of(JsonMapper.shared().readTree("[{\"id\":\"x\"}]"));

    assertThat(page.ids()).containsExactly("x");
    assertThat(page.nextCursor()).isNull();
  }
}
