package br.prontuario.edge.drill.scenario;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a drill needs from {@code DIR/cluster.json} (written by {@code edgectl up}): the entry URL,
 * the CA certificate an https entry point presents, the demo credentials, the JWT secret and the
 * controller URL. A file marked
 * {@code "environment": "production"} describes a production deployment: only safe drills then.
 */
public record ClusterFile(Path dir, URI entrypoint, Path caCertificate, String username, String password,
    String jwtSecret, URI controllerUrl, boolean production) {

  public static final String DEMO_USER = "demo";

  /** Reads the folder's cluster description; a missing or broken file is an operator error. */
  public static ClusterFile read(Path dir) {
    Path file = dir.resolve("cluster.json");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no cluster at " + dir + " (missing cluster.json); "
          + "start one with edgectl up --dir " + dir);
    }
    JsonNode json;
    try {
      json = JsonMapper.shared().readTree(file.toFile());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
    }
    String entry = text(json, "entrypoint");
    if (entry == null) {
      throw new IllegalArgumentException(file + " has no entrypoint");
    }
    String controller = text(json.path("controller"), "url");
    String ca = text(json.path("tls"), "caCertificate");
    return new ClusterFile(dir, URI.create(entry), ca == null ? null : Path.of(ca),
        firstNonNull(text(json.path("demo"), "username"), DEMO_USER), demoPassword(dir, json),
        text(json, "jwtSecret"), controller == null ? null : URI.create(controller),
        "production".equals(text(json, "environment")));
  }

  /** cluster.json's demo block, else the secrets file {@code edgectl up} keeps beside it. */
  private static String demoPassword(Path dir, JsonNode cluster) {
    String inline = text(cluster.path("demo"), "password");
    if (inline != null) {
      return inline;
    }
    for (String name : new String[] {"demo-password", "demo.password"}) {
      Path f = dir.resolve(name);
      if (Files.isRegularFile(f)) {
        try {
          return Files.readString(f).strip();
        } catch (IOException e) {
          throw new IllegalArgumentException("cannot read " + f + ": " + e.getMessage());
        }
      }
    }
    Path secrets = dir.resolve("secrets.json");
    if (Files.isRegularFile(secrets)) {
      String fromSecrets = text(JsonMapper.shared().readTree(secrets.toFile()), "demoPassword");
      if (fromSecrets != null) {
        return fromSecrets;
      }
    }
    throw new IllegalArgumentException("no demo password for " + dir
        + " (cluster.json demo.password, demo-password or secrets.json)");
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isMissingNode() || v.isNull() ? null : v.asString();
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }
}
