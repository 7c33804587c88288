package br.prontuario.edge.localcluster.patroni;

import br.prontuario.edge.localcluster.cluster.ClusterLayout;
import br.prontuario.edge.localcluster.cluster.ClusterSecrets;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.config.PatroniSettings;
import br.prontuario.edge.localcluster.process.ServiceUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node's {@code patroni.yml}, local or production. The {@code bootstrap.dcs} part is written
 * into etcd by whichever node initialises the cluster; later changes go through
 * {@code patronictl edit-config}, not this file.
 */
public final class PatroniConfig {

  public static final String SUPERUSER = "postgres";
  private static final String SERVICE_MAP = "service-account";
  public static final String REPLICATION_USER = "replicator";
  public static final String REWIND_USER = "rewinder";

  private PatroniConfig() {}

  /**
   * Paths on the node's own disk. {@code socketDir} null = PostgreSQL's default. {@code etcdTls}:
   * Patroni's client certificate and key towards etcd, and the CA that signed etcd's.
   */
  public record Paths(String dataDir, String binDir, String pgpass, String socketDir, Tls tls, Tls etcdTls) {}

  /**
   * PostgreSQL's TLS files on the node: its certificate (naming the address the other node and
   * the apps connect to) and key, owned by the service user, mode 0600; the CA that signed every
   * node's certificate, against which replication verifies its peer.
   */
  public record Tls(String certificate, String key, String ca) {}

  public static Map<String, Object> node(NodeName node, ClusterLayout layout, PatroniSettings settings,
      ClusterSecrets secrets, Paths paths) {
    String host = layout.host(node);
    var ports = layout.ports(node);
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("scope", settings.scope());
    c.put("namespace", "/service/");
    c.put("name", node.id());
    c.put("log", Map.of("level", "INFO"));
    c.put("restapi", restApi(host + ":" + ports.patroniRest(), secrets, paths.tls()));
    // v2 API on purpose: Patroni 3.0.2's etcd3 _update_leader re-puts the leader key
    // unconditionally once its lease expired, so a leader frozen past the TTL steals the lock back
    // from the promoted standby on thaw (demoting it, losing what it acknowledged). The v2 client
    // updates the key with prevValue=<own name> and steps down instead.
    c.put("etcd", Map.of("hosts", List.of(NodeName.values()).stream()
            .map(n -> layout.host(n) + ":" + layout.ports(n).etcdClient()).toList(),
        // etcd takes only clients with a certificate from the cluster CA
        "protocol", "https", "cacert", paths.etcdTls().ca(), "cert", paths.etcdTls().certificate(),
        "key", paths.etcdTls().key()));
    c.put("bootstrap", Map.of("dcs", dcs(settings), "initdb",
        List.of(Map.of("encoding", "UTF8"), Map.of("locale", "C"), "data-checksums")));
    c.put("postgresql", postgresql(host, ports.postgres(), secrets, paths, hbaSources(layout)));
    // the Mac Studios have no Linux watchdog device; fencing relies on the leader lock's TTL
    c.put("watchdog", Map.of("mode", "off"));
    c.put("tags", Map.of("nofailover", false, "noloadbalance", false, "clonefrom", false,
        "nosync", false));
    return c;
  }

  /**
   * Unsafe endpoints (switchover, failover, restart, reinitialize, config) ask for the operators'
   * user; reads stay open for probes and status.
   */
  public static Map<String, Object> restApi(String address, ClusterSecrets secrets, Tls tls) {
    // TLS with the node's PostgreSQL certificate (it names the node's address): the password of
    // the unsafe endpoints and the members' state must not cross the network in clear; cafile is
    // what Patroni trusts when it calls the other member's API during a switchover
    return Map.of("listen", address, "connect_address", address,
        "certfile", tls.certificate(), "keyfile", tls.key(), "cafile", tls.ca(),
        "authentication", Map.of("username", secrets.patroniRestUser(),
            "password", secrets.patroniRestPassword()));
  }

  private static Map<String, Object> dcs(PatroniSettings s) {
    Map<String, Object> dcs = new LinkedHashMap<>();
    dcs.put("ttl", s.ttl().toSeconds());
    dcs.put("loop_wait", s.loopWait().toSeconds());
    dcs.put("retry_timeout", s.retryTimeout().toSeconds());
    dcs.put("maximum_lag_on_failover", s.maximumLagOnFailover());
    dcs.put("synchronous_mode", s.synchronousMode());
    dcs.put("synchronous_mode_strict", s.synchronousModeStrict());
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("wal_level", "replica");
    parameters.put("hot_standby", "on");
    parameters.put("wal_log_hints", "on");
    parameters.put("max_wal_senders", 10);
    parameters.put("max_replication_slots", 10);
    parameters.put("wal_keep_size", "256MB");
    parameters.put("max_connections", 100);
    parameters.put("timezone", "UTC");
    // A demoting primary's fast shutdown waits until every walsender's standby has the shutdown
    // checkpoint; a frozen synchronous standby never answers, and that wait (38 s measured) made
    // Patroni 3.0.2 demote a second time from its main thread and start PostgreSQL twice (the
    // double-start race of patroni#3649, which left node-b "start failed"). The walsender's own
    // timeout bounds the wait, and a frozen standby leaves synchronous_standby_names sooner.
    parameters.put("wal_sender_timeout", s.walSenderTimeout().toSeconds() + "s");
    dcs.put("postgresql", Map.of("use_pg_rewind", true, "use_slots", true, "parameters", parameters));
    return dcs;
  }

  private static Map<String, Object> postgresql(String host, int port, ClusterSecrets secrets,
      Paths paths, List<String> hbaSources) {
    Map<String, Object> pg = new LinkedHashMap<>();
    pg.put("listen", host + ":" + port);
    pg.put("connect_address", host + ":" + port);
    pg.put("data_dir", paths.dataDir());
    pg.put("bin_dir", paths.binDir());
    pg.put("pgpass", paths.pgpass());
    // without a fast checkpoint, pg_basebackup waits for the next spread checkpoint (minutes)
    pg.put("basebackup", List.of(Map.of("checkpoint", "fast")));
    // replication and pg_rewind cross the network to the peer: verify its certificate; Patroni's
    // own superuser connection stays on this node (its listen address), encrypted all the same
    pg.put("authentication", Map.of(
        "superuser", Map.of("username", SUPERUSER, "password", secrets.superuserPassword(),
            "sslmode", "require"),
        "replication", Map.of("username", REPLICATION_USER, "password",
            secrets.replicationPassword(), "sslmode", "verify-full", "sslrootcert", paths.tls().ca()),
        "rewind", Map.of("username", REWIND_USER, "password", secrets.rewindPassword(),
            "sslmode", "verify-full", "sslrootcert", paths.tls().ca())));
    Map<String, Object> parameters = new LinkedHashMap<>();
    if (paths.socketDir() != null) {
      parameters.put("unix_socket_directories", paths.socketDir());
    }
    parameters.put("ssl", "on");
    parameters.put("ssl_cert_file", paths.tls().certificate());
    parameters.put("ssl_key_file", paths.tls().key());
    parameters.put("ssl_ca_file", paths.tls().ca());
    parameters.put("ssl_min_protocol_version", "TLSv1.2");
    pg.put("parameters", parameters);
    List<String> hba = new ArrayList<>();
    if (paths.socketDir() != null) {
      // pgBackRest (backups, stanza checks) connects over the socket as the superuser without a
      // password: only the account that runs PostgreSQL itself, and owns its data anyway, may
      hba.add("local all " + SUPERUSER + " peer map=" + SERVICE_MAP);
      pg.put("pg_ident", List.of(SERVICE_MAP + " " + ServiceUser.name() + " " + SUPERUSER));
    }
    // no trust anywhere: whoever else reaches the socket (any local account) needs a password
    hba.add("local all all scram-sha-256");
    // over the network only encrypted: replication, the apps, the controller
    for (String source : hbaSources) {
      hba.add("hostssl replication " + REPLICATION_USER + " " + source + " scram-sha-256");
      hba.add("hostssl all all " + source + " scram-sha-256");
    }
    hba.add("hostnossl all all 0.0.0.0/0 reject");
    hba.add("hostnossl replication all 0.0.0.0/0 reject");
    pg.put("pg_hba", hba);
    return pg;
  }

  /** Who may connect: the two nodes (replication, apps) and the witness (the controller). */
  private static List<String> hbaSources(ClusterLayout layout) {
    return List.of(NodeName.values()).stream().map(n -> layout.host(n) + "/32").distinct().toList();
  }
}
