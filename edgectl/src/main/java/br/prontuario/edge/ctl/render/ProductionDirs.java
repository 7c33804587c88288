package br.prontuario.edge.ctl.render;

import br.prontuario.edge.localcluster.config.ProductionHosts;
import br.prontuario.edge.localcluster.etcd.EtcdConfig;
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

  /** The etcd member's certificate and key on every box (serverAuth and clientAuth), and the CA. */
  public EtcdConfig.Tls etcdMemberTls() {
    return new EtcdConfig.Tls(base + "/tls/etcd/member.crt", base + "/tls/etcd/member.key", base + "/tls/ca.crt");
  }

  /** {@code client}'s certificate towards etcd (patroni, edge-node, failover-controller), and the CA. */
  public PatroniConfig.Tls etcdClientTls(String client) {
    return new PatroniConfig.Tls(base + "/tls/etcd/" + client + ".crt", base + "/tls/etcd/" + client + ".key",
        base + "/tls/ca.crt");
  }

  /** The box's Kafka data (log.dirs). */
  public String kafka() {
    return base + "/kafka";
  }

  /** Apache Kafka's jars (the kafka-broker module's target/lib), on every box. */
  public String kafkaLib() {
    return lib + "/kafka";
  }

  /** A Kafka certificate and key in one PEM file: the broker's, or a client's (edge-node). */
  public String kafkaPem(String name) {
    return base + "/tls/kafka/" + name + ".pem";
  }

  /** PostgreSQL's certificate, key and CA on a Mac Studio: patroni.yml's ssl_* files. */
  public PatroniConfig.Tls postgresTls() {
    return new PatroniConfig.Tls(base + "/tls/postgres.crt", base + "/tls/postgres.key",
        base + "/tls/ca.crt");
  }
}
