package br.prontuario.edge.ctl.users;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The cluster's database as {@code DIR/cluster.json} names it (database.jdbcUrl/username/password). */
public record ClusterDatabase(String jdbcUrl, String username, String password) {

  /** The cluster folder: {@code --dir} or {@code <repo>/.state/cluster}. */
  public static Path clusterDir(Path dir) {
    if (dir != null) {
      return dir.toAbsolutePath();
    }
    return Path.of(System.getProperty("edge.home", ".")).resolve(".state").resolve("cluster")
        .toAbsolutePath().normalize();
  }

  public static ClusterDatabase read(Path dir) {
    Path file = clusterDir(dir).resolve("cluster.json");
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("no cluster at " + file + " (run edgectl up, or pass --dir)");
    }
    try {
      JsonNode db = JsonMapper.builder().build().readTree(Files.readString(file)).path("database");
      String url = db.path("jdbcUrl").asText("");
      if (url.isEmpty()) {
        throw new IllegalStateException(file + " has no database.jdbcUrl");
      }
      return new ClusterDatabase(url, db.path("username").asText("postgres"),
          db.path("password").asText(""));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, username, password);
  }
}
