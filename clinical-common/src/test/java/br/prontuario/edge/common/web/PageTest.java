package br.prontuario.edge.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageTest {

  private static final List<UUID> IDS = List.of(UUID.randomUUID(), UUID.randomUUID(),
      UUID.randomUUID());

  @Test
  void theExtraRowOnlySaysThereIsANextPageThatStartsAfterTheLastItem() {
    Page<UUID> page = Page.of(IDS, 2, id -> new Cursor("k", id));
    assertThat(page.items()).containsExactly(IDS.get(0), IDS.get(1));
    assertThat(Cursor.decode(page.nextCursor())).isEqualTo(new Cursor("k", IDS.get(1)));
  }

  @Test
  void noExtraRowMeansTheLastPage() {
    assertThat(Page.of(IDS, 3, id -> new Cursor("k", id))).isEqualTo(new Page<>(IDS, null));
    assertThat(Page.of(List.<UUID>of(), 3, id -> new Cursor("k", id)).items()).isEmpty();
  }

  @Test
  void mappingKeepsTheCursor() {
    Page<UUID> page = Page.of(IDS, 1, id -> new Cursor("k", id));
    Page<String> mapped = page.map(UUID::toString);
    assertThat(mapped.items()).containsExactly(IDS.get(0).toString());
    assertThat(mapped.nextCursor()).isEqualTo(page.nextCursor());
  }
}
