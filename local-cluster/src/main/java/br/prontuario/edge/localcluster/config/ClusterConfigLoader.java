package br.prontuario.edge.localcluster.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads {@code config/edge-cluster.yaml} into a validated {@link ClusterConfig}. A port left out
 * means 0 (automatic); every other omission is reported by the section's own validation.
 */
public final class ClusterConfigLoader {

  /** Where the configuration sits in the repository. */
  public static final String DEFAULT_LOCATION = "config/edge-cluster.yaml";

  private static final YAMLMapper MAPPER = YAMLMapper.builder()
      .addModule(new SimpleModule("durations").addDeserializer(Duration.class, new DurationReader()))
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  private static final Pattern POSITION = Pattern.compile("line \\d+, column \\d+");

  private ClusterConfigLoader() {}

  /** The repository's configuration: {@code <repo>/config/edge-cluster.yaml}. */
  public static ClusterConfig loadFromRepository(Path repositoryRoot) {
    return load(repositoryRoot.resolve(DEFAULT_LOCATION));
  }

  public static ClusterConfig load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidClusterConfigException("cluster configuration not found: " + file);
    }
    try {
      return parse(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new InvalidClusterConfigException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static ClusterConfig parse(String yaml, String source) {
    try {
      return MAPPER.readValue(yaml, ClusterConfig.class);
    } catch (JacksonException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof InvalidClusterConfigException invalid) {
          throw new InvalidClusterConfigException(source + ": " + invalid.getMessage(), e);
        }
      }
      String setting = e.getPath().stream()
          .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
          .reduce((a, b) -> a + "." + b).orElse("(top level)");
      String problem = e.getOriginalMessage().startsWith("Unrecognized property")
          ? "is not a known setting" : oneLine(e.getOriginalMessage());
      throw new InvalidClusterConfigException(source + ": " + setting + " " + problem, e);
    }
  }

  /**
   * SnakeYAML's syntax errors span several lines (each sentence, then the offending line with a
   * caret under it): the sentences and the first position, on one line, as every CLI error is.
   */
  static String oneLine(String message) {
    String sentences = message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
        .collect(Collectors.joining("; "));
    Matcher position = POSITION.matcher(message);
    return position.find() && !sentences.contains(position.group()) ? sentences + " (" + position.group() + ")"
        : sentences;
  }

  private static final class DurationReader extends ValueDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) {
      return Durations.parse(p.getValueAsString());
    }
  }
}
