package br.prontuario.edge.localcluster.cloud;

import br.prontuario.edge.localcluster.process.Binaries;
import br.prontuario.edge.localcluster.tls.ClusterCertificates;
import br.prontuario.edge.localcluster.process.ServiceUser;
import br.prontuario.edge.site.patroni.PatroniCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cloud's PostgreSQL under Patroni: scope {@code cloud}, one member, a {@code standby_cluster}
 * that streams from the replication gateway (i.e. the edge leader). Activation removes
 * {@code standby_cluster} through {@code PATCH /config}; Patroni then promotes it.
 */
final class CloudPatroni {

  static final String SCOPE = "cloud";
  static final Duration REST_TIMEOUT = Duration.ofSeconds(5);

  private CloudPatroni() {}

  static void start(CloudProcesses processes, CloudPorts ports, StandbyCredentials credentials,
      PatroniCredentials rest, ClusterCertificates.TlsFiles tls) {
    Path patroni = Binaries.require("patroni", "patroni", "patroni");
    Path dir = processes.dir(CloudSite.PATRONI);
    Path config = writeConfig(processes, ports, credentials, rest, tls);
    ServiceUser.own(dir);
    try {
      letServiceUserTraverse(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    processes.start(CloudSite.PATRONI,
        ServiceUser.wrap(List.of(patroni.toString(), config.toString())),
        // libpq (replicating from the edge over TLS) reads ~/.postgresql: its own, not root's
        Map.of("LC_ALL", "C", "HOME", dir.toString()));
    if (!Waits.until(() -> Ports.listening(ports.patroniRest()), Duration.ofSeconds(30), 100)) {
      throw new IllegalStateException("the cloud Patroni did not start; log "
          + processes.log(CloudSite.PATRONI));
    }
  }

  /** The cluster's current certificates copied again, {@code patroni.yml} left as it is. */
  static void refreshTls(CloudProcesses processes, ClusterCertificates.TlsFiles tls) {
    Path dir = processes.dir(CloudSite.PATRONI).resolve("tls");
    try {
      copyTls(tls, dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the cloud PostgreSQL's TLS files to " + dir, e);
    }
    ServiceUser.own(dir);
  }

  /**
   * Writes {@code patroni.yml} and copies the cluster's current certificates beside it, owned by
   * the service user, without touching a running Patroni: it loads them on its next reload
   * ({@code edgectl rotate-secrets}) or start.
   */
  static Path writeConfig(CloudProcesses processes, CloudPorts ports, StandbyCredentials credentials,
      PatroniCredentials rest, ClusterCertificates.TlsFiles tls) {
    Path dir = processes.dir(CloudSite.PATRONI);
    Path config = dir.resolve("patroni.yml");
    try {
      Files.createDirectories(dir.resolve("socket"));
      CloudTls files = copyTls(tls, dir.resolve("tls"));
      // JSON is YAML: no YAML library needed for a generated file; written 0600: it holds passwords
      Path next = staged(config);
      Files.createFile(next, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(next, config(dir, ports, credentials, rest, files));
      // `edgectl up` on a stopped cluster may have started this Patroni again from its launch
      // record already: it must never find a file half written or not yet its own
      ServiceUser.placeOwned(next, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ServiceUser.own(dir.resolve("tls"));
    return config;
  }

  /** Over TLS, as the nodes' REST APIs: the unsafe endpoints' password never crosses in clear. */
  static String restUrl(CloudPorts ports) {
    return "https://127.0.0.1:" + ports.patroniRest();
  }

  /** The files Patroni and PostgreSQL read, in the service user's folder (a key others read is refused). */
  record CloudTls(String certificate, String key, String ca) {}

  /**
   * The cluster's server certificate (it names 127.0.0.1, where the local cloud site listens; GKE's
   * pods get theirs from the cluster's issuer) and its CA, for the REST API and PostgreSQL alike.
   */
  private static CloudTls copyTls(ClusterCertificates.TlsFiles tls, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path certificate = copyOwned(tls.serverCertificate(), dir.resolve("server.crt"), "rw-r--r--");
    Path key = copyOwned(tls.serverKey(), dir.resolve("server.key"), "rw-------");
    Path ca = copyOwned(tls.caCertificate(), dir.resolve("ca.crt"), "rw-r--r--");
    return new CloudTls(certificate.toString(), key.toString(), ca.toString());
  }

  /** A copy the service user owns from its first moment in place (see {@link ServiceUser#placeOwned}). */
  private static Path copyOwned(Path from, Path to, String permissions) throws IOException {
    Path next = staged(to);
    Files.copy(from, next);
    Files.setPosixFilePermissions(next, PosixFilePermissions.fromString(permissions));
    ServiceUser.placeOwned(next, to);
    return to;
  }

  private static Path staged(Path file) throws IOException {
    Path next = file.resolveSibling(file.getFileName() + ".next");
    Files.deleteIfExists(next);
    return next;
  }

  /** A JSON string literal (the generated configuration is JSON, which is YAML). */
  private static String quote(String s) {
    return JsonMapper.shared().writeValueAsString(s);
  }

  /**
   * The standby follows the edge asynchronously, so it may have replayed WAL the new edge primary
   * never had (the old primary sent it before its sync standby confirmed; seen after a frozen
   * primary in the primary-freeze drill: "new timeline forked off ... before current recovery
   * point"). pg_rewind against the remote primary brings it back; failing that, Patroni re-clones.
   */
  static String config(Path dir, CloudPorts ports, StandbyCredentials c, PatroniCredentials rest,
      CloudTls tls) {
    String data = dir.resolve("data").toString();
    String bin = Binaries.postgresBinDir().toString();
    if (c.superuserPassword().isEmpty() || c.replicationPassword().isEmpty()) {
      throw new IllegalArgumentException("the cloud site needs its superuser and replication passwords:"
          + " it trusts no connection without one");
    }
    return """
        {
          "scope": "%s", "namespace": "/service/", "name": "cloud-1",
          "log": {"level": "INFO"},
          "restapi": {"listen": "127.0.0.1:%d", "connect_address": "127.0.0.1:%d",
            "certfile": %s, "keyfile": %s, "cafile": %s,
            "authentication": {"username": %s, "password": %s}},
          "etcd3": {"hosts": ["127.0.0.1:%d"]},
          "bootstrap": {"dcs": {
            "ttl": 20, "loop_wait": 2, "retry_timeout": 5,
            "standby_cluster": {"host": "127.0.0.1", "port": %d,
              "create_replica_methods": ["basebackup"]},
            "postgresql": {"use_pg_rewind": true, "use_slots": false, "parameters": {
              "wal_level": "replica", "hot_standby": "on", "max_connections": 200,
              "max_wal_senders": 10, "max_replication_slots": 10, "wal_keep_size": "256MB",
              "timezone": "UTC"}}}},
          "postgresql": {
            "listen": "127.0.0.1:%d", "connect_address": "127.0.0.1:%d",
            "data_dir": %s, "bin_dir": %s, "pgpass": %s,
            "parameters": {"unix_socket_directories": %s, "ssl": "on", "ssl_cert_file": %s,
              "ssl_key_file": %s, "ssl_ca_file": %s, "ssl_min_protocol_version": "TLSv1.2"},
            "basebackup": [{"checkpoint": "fast"}],
            "remove_data_directory_on_rewind_failure": true,
            "remove_data_directory_on_diverged_timelines": true,
            "authentication": {
              "superuser": {"username": %s, "password": %s, "sslmode": "require"},
              "replication": {"username": %s, "password": %s, "sslmode": "verify-full",
                "sslrootcert": %s},
              "rewind": {"username": %s, "password": %s, "sslmode": "verify-full",
                "sslrootcert": %s}},
            "pg_hba": ["local all all scram-sha-256",
              "hostssl replication all 127.0.0.1/32 scram-sha-256",
              "hostssl all all 127.0.0.1/32 scram-sha-256",
              "hostnossl all all 0.0.0.0/0 reject",
              "hostnossl replication all 0.0.0.0/0 reject"]},
          "watchdog": {"mode": "off"},
          "tags": {"nofailover": false, "noloadbalance": false, "clonefrom": false}
        }
        """.formatted(SCOPE, ports.patroniRest(), ports.patroniRest(), quote(tls.certificate()),
        quote(tls.key()), quote(tls.ca()), quote(rest.username()),
        quote(rest.password()), ports.etcdClient(),
        ports.gateway(), ports.postgres(), ports.postgres(), quote(data), quote(bin),
        quote(dir.resolve("pgpass").toString()),
        quote(dir.resolve("socket").toString()), quote(tls.certificate()), quote(tls.key()),
        quote(tls.ca()), quote(c.superuser()),
        quote(c.superuserPassword()), quote(c.replicationUser()),
        quote(c.replicationPassword()), quote(tls.ca()), quote(c.superuser()),
        quote(c.superuserPassword()), quote(tls.ca()));
  }

  /** Patroni runs as the service user and must reach its folder inside the cloud folder. */
  private static void letServiceUserTraverse(Path dir) throws IOException {
    for (Path p : List.of(dir.getParent(), dir)) {
      var perms = Files.getPosixFilePermissions(p);
      perms.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
      Files.setPosixFilePermissions(p, perms);
    }
  }
}
