package br.prontuario.edge.drill.load;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes stored more than once. Every drill note's text names its run, client and sequence number
 * and each is written with its own Idempotency-Key, so two stored notes of one patient with the
 * same text are one write stored twice (e.g. once by the cloud, once by the edge on a retry).
 */
public final class DuplicateWrites {

  private DuplicateWrites() {}

  /** How many writes (patient, text) have more than one stored note. */
  public static int count(Collection<StoredNote> stored) {
    return (int) copiesPerWrite(stored).stream().filter(copies -> copies.size() > 1).count();
  }

  /** The ids of every copy after the first, for the report (ids only, never the text). */
  public static List<String> extraCopies(Collection<StoredNote> stored) {
    return copiesPerWrite(stored).stream().flatMap(copies -> copies.stream().skip(1))
        .map(StoredNote::noteId).toList();
  }

  private static Collection<List<StoredNote>> copiesPerWrite(Collection<StoredNote> stored) {
    return stored.stream().collect(Collectors.groupingBy(n -> List.of(n.patientId(),
        String.valueOf(n.text())), LinkedHashMap::new, Collectors.toList())).values();
  }
}
