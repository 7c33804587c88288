package br.prontuario.edge.localcluster.config;

import java.time.Duration;
import java.util.List;

/** How the edge-node instances are launched. */
public record AppSettings(String jar, List<String> javaOptions, Duration startTimeout) {

  public AppSettings {
    Check.notBlank(jar, "app.jar");
    javaOptions = javaOptions == null ? List.of() : List.copyOf(javaOptions);
    Check.positive(startTimeout, "app.startTimeout");
  }
}
