package br.prontuario.edge.ctl.drill.restore;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.drill.load.AckedWrite;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RestoreCheckTest {

  private static final Instant MARK = Instant.parse("2026-12-01T10:41:00Z");

  private static AckedWrite note(String id, String sent, String acked) {
    return new AckedWrite("p1", id, 1, 1, "key-" + id, Instant.parse(sent), Instant.parse(acked));
  }

  private static final List<AckedWrite> ACKED = List.of(
      note("before", "2026-12-01T10:40:59.000Z", "2026-12-01T10:40:59.100Z"),
      note("in-flight", "2026-12-01T10:40:59.950Z", "2026-12-01T10:41:00.050Z"),
      note("after", "2026-12-01T10:41:00.200Z", "2026-12-01T10:41:00.300Z"));

  @Test
  void isExactWhenEveryNoteAcknowledgedBeforeTheMarkIsThereAndNoneSentAfter() {
    RestoreCheck check = RestoreCheck.of(ACKED, MARK, Set.of("before", "in-flight"));
    assertThat(check).isEqualTo(new RestoreCheck(1, 0, 1, 0, 1));
    assertThat(check.exact()).isTrue();
    assertThat(RestoreCheck.of(ACKED, MARK, Set.of("before")).exact())
        .as("a note in flight at the mark may be missing").isTrue();
  }

  @Test
  void failsWhenAnAcknowledgedNoteIsMissing() {
    RestoreCheck check = RestoreCheck.of(ACKED, MARK, Set.of("in-flight"));
    assertThat(check.missingBefore()).isEqualTo(1);
    assertThat(check.exact()).isFalse();
  }

  @Test
  void failsWhenANoteSentAfterTheMarkWasRestored() {
    RestoreCheck check = RestoreCheck.of(ACKED, MARK, Set.of("before", "after"));
    assertThat(check.presentAfter()).isEqualTo(1);
    assertThat(check.exact()).isFalse();
  }

  @Test
  void provesNothingWithoutNotesOnBothSidesOfTheMark() {
    assertThat(RestoreCheck.of(ACKED.subList(0, 1), MARK, Set.of("before")).exact()).isFalse();
  }
}
