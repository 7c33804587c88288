package br.prontuario.edge.cloud.replication;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * A small private pool to the edge primary. Deliberately not a DataSource bean: the app's own
 * DataSource (the cloud database) stays the only one Spring knows.
 */
@Component
public class EdgeDatabase implements DisposableBean {

  private final HikariDataSource pool;

  EdgeDatabase(ReplicationProperties properties) {
    if (!properties.edgeConfigured()) {
      this.pool = null;
      return;
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("edge");
    config.setJdbcUrl(properties.edgeJdbcUrl());
    config.setUsername(properties.edgeUsername());
    config.setPassword(properties.edgePassword());
    config.setMaximumPoolSize(2);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(2_000);
    config.setInitializationFailTimeout(-1); // the edge may well be down when we start
    config.setConnectionInitSql("SET TIME ZONE 'UTC'");
    config.addDataSourceProperty("logServerErrorDetail", "false");
    config.addDataSourceProperty("connectTimeout", "2");
    config.addDataSourceProperty("socketTimeout", "30");
    this.pool = new HikariDataSource(config);
  }

  public Optional<DataSource> dataSource() {
    return Optional.ofNullable(pool);
  }

  @Override
  public void destroy() {
    if (pool != null) {
      pool.close();
    }
  }
}
