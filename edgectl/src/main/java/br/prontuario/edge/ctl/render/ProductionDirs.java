package br.prontuario.edge.ctl.render;

import br.prontuario.edge.localcluster.config.ProductionHosts;
import br.prontuario.edge.localcluster.patroni.PatroniConfig;

/**
 * The folders below {@code production.baseDir} that the rendered files name (etcd's data-dir,
 * Redis's and Sentinel's dir, Patroni's data_dir and pgpass, the controller's history): one place,
 * so {@code edgectl install} prepares exactly the folders the files expect.
 */
public record ProductionDirs(String base, String etcd, String pgdata, String pgpass, String redis,
    String sentinel, String controller, String lib) {

  public static ProductionDirs of(ProductionHosts production) {
    String base = production.baseDir();
    return new ProductionDirs(base, base + "/etcd", base + "/pgdata", base + "/pgpass",
        base + "/redis", base + "/sentinel", base + "/controller", base + "/lib");
  }

  /** PostgreSQL's certificate, key and CA on a Mac Studio: patroni.yml's ssl_* files. */
  public PatroniConfig.Tls postgresTls() {
    return new PatroniConfig.Tls(base + "/tls/postgres.crt", base + "/tls/postgres.key",
        base + "/tls/ca.crt");
  }
}
