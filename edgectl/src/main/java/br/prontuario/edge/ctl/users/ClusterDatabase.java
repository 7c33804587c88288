package br.prontuario.edge.ctl.users;

import br.prontuario.edge.site.cluster.ClusterDescriptor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The cluster's database as {@code DIR/cluster.json} names it (read by {@link ClusterDescriptor}). */
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
    ClusterDescriptor.Database db = ClusterDescriptor.read(clusterDir(dir)).database();
    if (db == null || db.jdbcUrl() == null || db.jdbcUrl().isEmpty()) {
      throw new IllegalStateException(clusterDir(dir).resolve(ClusterDescriptor.FILE)
          + " has no database.jdbcUrl");
    }
    return new ClusterDatabase(db.jdbcUrl(), db.username() == null ? "postgres" : db.username(),
        db.password() == null ? "" : db.password());
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, username, password);
  }
}
