package br.prontuario.edge.ctl.drill.restore;

import br.prontuario.edge.drill.load.AckedWrite;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The restore drill's verdict on the notes: every note acknowledged before the mark must be in
 * the restored database, and no note sent after the mark may be. A note sent before the mark and
 * acknowledged after it was in flight: it may be either, and is only counted.
 *
 * @param ackedBefore notes acknowledged before the mark
 * @param missingBefore of those, how many the restore lacks (must be 0)
 * @param sentAfter acknowledged notes sent after the mark
 * @param presentAfter of those, how many the restore holds (must be 0)
 * @param inFlight acknowledged notes in flight at the mark
 */
public record RestoreCheck(int ackedBefore, int missingBefore, int sentAfter, int presentAfter, int inFlight) {

  public static RestoreCheck of(List<AckedWrite> acked, Instant mark, Set<String> restoredNoteIds) {
    int before = 0;
    int missing = 0;
    int after = 0;
    int present = 0;
    int inFlight = 0;
    for (AckedWrite w : acked) {
      if (w.ackAt().isBefore(mark)) {
        before++;
        missing += restoredNoteIds.contains(w.noteId()) ? 0 : 1;
      } else if (w.sentAt().isAfter(mark)) {
        after++;
        present += restoredNoteIds.contains(w.noteId()) ? 1 : 0;
      } else {
        inFlight++;
      }
    }
    return new RestoreCheck(before, missing, after, present, inFlight);
  }

  public boolean exact() {
    return ackedBefore > 0 && sentAfter > 0 && missingBefore == 0 && presentAfter == 0;
  }
}
