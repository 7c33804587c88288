package br.prontuario.edge.controller.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who did what from the console: an append-only JSON-lines file beside the decision history
 * ({@code console-audit.jsonl}), one entry when an action is asked for and one with its outcome,
 * forced to disk like the history. The decision the action caused is in the history itself.
 */
final class OperatorAudit {

  private static final Logger log = LoggerFactory.getLogger(OperatorAudit.class);

  private final Path file;
  private final JsonMapper json;

  OperatorAudit(Path file, JsonMapper json) {
    this.file = file;
    this.json = json;
  }

  /**
   * @param phase requested | done | refused | failed
   * @param detail what the controller or edgectl answered; never request bodies
   */
  record Entry(Instant at, String operator, String replica, String action, String phase, String detail) {}

  synchronized void append(Entry entry) {
    log.info("console action by {}: {} {} ({})", entry.operator(), entry.action(), entry.phase(), entry.detail());
    byte[] line = (json.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND)) {
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the console audit " + file, e);
    }
  }

  /** The newest {@code limit} entries, newest first. */
  synchronized List<Entry> recent(int limit) {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      List<Entry> entries = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank() && line.endsWith("}")) {
          entries.add(json.readValue(line, Entry.class));
        }
      }
      List<Entry> newest = new ArrayList<>(entries.subList(Math.max(0, entries.size() - limit), entries.size()));
      java.util.Collections.reverse(newest);
      return newest;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the console audit " + file, e);
    }
  }
}
