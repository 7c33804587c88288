package br.prontuario.edge.controller.history;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param dir the controller's state folder; the history is {@code dir/decisions.jsonl} */
@ConfigurationProperties("edge.controller.history")
public record HistoryProperties(Path dir) {

  public HistoryProperties {
    dir = dir == null ? Path.of(".state", "controller") : dir;
  }
}
