package br.prontuario.edge.controller.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Append-only JSON-lines file of every decision, forced to disk before {@link #append} returns so a
 * crash right after a failover still leaves its explanation behind. Lines are never rewritten.
 */
public final class DecisionHistory {

  private final Path file;
  private final JsonMapper json;
  private long sequence;

  public DecisionHistory(Path file, JsonMapper json) {
    this.file = file;
    this.json = json;
    this.sequence = readAll().stream().mapToLong(HistoryEvent::sequence).max().orElse(0);
  }

  public synchronized long nextSequence() {
    return ++sequence;
  }

  public synchronized void append(HistoryEvent event) {
    byte[] line = (json.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to decision history " + file, e);
    }
  }

  /** The newest {@code limit} events, oldest first. */
  public synchronized List<HistoryEvent> recent(int limit) {
    List<HistoryEvent> all = readAll();
    return all.subList(Math.max(0, all.size() - limit), all.size());
  }

  public Optional<HistoryEvent> last() {
    List<HistoryEvent> one = recent(1);
    return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
  }

  public Path file() {
    return file;
  }

  private List<HistoryEvent> readAll() {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      List<HistoryEvent> events = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        // a torn last line (crash mid-write before fsync) is skipped, never repaired in place
        if (!line.isBlank() && line.endsWith("}")) {
          events.add(json.readValue(line, HistoryEvent.class));
        }
      }
      return events;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read decision history " + file, e);
    }
  }
}
