package br.prontuario.edge.drill.scenario;

import br.prontuario.edge.site.cluster.ClusterDescriptor;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a drill needs from {@code DIR/cluster.json} (written by {@code edgectl up}, read by
 * {@link ClusterDescriptor#read}): the entry URL, the CA certificate an https entry point
 * presents, the demo credentials, the JWT secret and the
 * controller URL. A file marked {@code "environment": "production"} describes a production
 * deployment: only safe drills then.
 */
public record ClusterFile(Path dir, URI entrypoint, Path caCertificate, String username, String password,
    String jwtSecret, URI controllerUrl, boolean production, List<URI> entrypoints, List<URI> controllerUrls) {

  public ClusterFile {
    entrypoints = entrypoints == null || entrypoints.isEmpty() ? List.of(entrypoint) : List.copyOf(entrypoints);
    controllerUrls = controllerUrls == null || controllerUrls.isEmpty()
        ? (controllerUrl == null ? List.of() : List.of(controllerUrl)) : List.copyOf(controllerUrls);
  }

  public static final String DEMO_USER = "demo";

  /** Reads the folder's cluster description; a missing or broken file is an operator error. */
  public static ClusterFile read(Path dir) {
    ClusterDescriptor cluster = ClusterDescriptor.read(dir);
    if (cluster.entrypoint() == null) {
      throw new IllegalArgumentException(dir.resolve(ClusterDescriptor.FILE) + " has no entrypoint");
    }
    ClusterDescriptor.Demo demo = cluster.demo();
    String controller = cluster.controllerUrl();
    String ca = cluster.tls() == null ? null : cluster.tls().caCertificate();
    return new ClusterFile(dir, URI.create(cluster.entrypoint()), ca == null ? null : Path.of(ca),
        demo == null || demo.username() == null ? DEMO_USER : demo.username(),
        demo != null && demo.password() != null ? demo.password() : demoPassword(dir),
        cluster.jwtSecret(), controller == null ? null : URI.create(controller),
        cluster.production(), cluster.entrypoints().stream().map(URI::create).toList(),
        cluster.controllerUrls().stream().map(URI::create).toList());
  }

  /** When cluster.json has no demo block: the secrets file {@code edgectl up} keeps beside it. */
  private static String demoPassword(Path dir) {
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
      JsonNode fromSecrets = JsonMapper.shared().readTree(secrets.toFile()).path("demoPassword");
      if (!fromSecrets.isMissingNode() && !fromSecrets.isNull()) {
        return fromSecrets.asString();
      }
    }
    throw new IllegalArgumentException("no demo password for " + dir
        + " (cluster.json demo.password, demo-password or secrets.json)");
  }
}
