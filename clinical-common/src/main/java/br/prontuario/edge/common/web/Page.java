package br.prontuario.edge.common.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list; nextCursor is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

  /** From {@code limit + 1} fetched rows: the extra row only says there is a next page. */
  public static <T> Page<T> of(List<T> rows, int limit, Function<T, Cursor> cursorOf) {
    if (rows.size() <= limit) {
      return new Page<>(rows, null);
    }
    List<T> items = rows.subList(0, limit);
    return new Page<>(List.copyOf(items), cursorOf.apply(items.get(limit - 1)).encode());
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), nextCursor);
  }
}
