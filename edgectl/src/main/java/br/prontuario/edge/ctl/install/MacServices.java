package br.prontuario.edge.ctl.install;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a Mac Studio runs, in start order: the same processes as {@code edgectl up}'s node-a and
 * node-b ({@code Components.of}) plus its failover-controller replica. No keepalived: it is
 * Linux-only (docs/failover.md, "macOS").
 */
final class MacServices {

  private MacServices() {}

  static List<Service> of(Host host) {
    var dirs = host.dirs();
    List<Service> services = new ArrayList<>();
    services.add(SharedServices.etcd(host, "etcd member (Patroni's consensus store)"));
    services.add(Service.named("patroni", "Patroni, which runs PostgreSQL")
        // a folder: Patroni merges patroni.yml (rendered) with secrets.yml (the passwords, 0600)
        .runs(host.databaseAccount(), List.of(host.path(Program.PATRONI), host.config("patroni")))
        .in(dirs.base(), dirs.pgdata(), dirs.pgpass())
        // launchd's PATH is /usr/bin:/bin:/usr/sbin:/sbin; the rendered archive_command calls
        // "pgbackrest" by name, which Homebrew puts in its own bin/
        .environment(Map.of("PATH", host.homebrewPrefix() + "/bin:/usr/bin:/bin:/usr/sbin:/sbin",
            "LANG", "en_US.UTF-8", "LC_ALL", "en_US.UTF-8"))
        // Patroni stops PostgreSQL and exits 0 when told to stop: that stays stopped
        .stoppedByCleanExit().restartDelay(Duration.ofSeconds(10)).build());
    services.add(Service.named("redis", "Redis (refresh tokens, login throttling; no clinical data)")
        .runs(host.serviceAccount(), List.of(host.path(Program.REDIS_SERVER), dirs.redis() + "/redis.conf"))
        .in(dirs.redis(), dirs.redis()).build());
    services.add(SharedServices.sentinel(host, "Redis Sentinel"));
    services.add(SharedServices.kafka(host));
    services.add(SharedServices.edgeNode(host));
    services.add(Service.named("haproxy", "HAProxy, the clinicians' entry point on this box")
        // root: macOS lets other users bind a port below 1024 only on the wildcard address, and
        // haproxy.cfg binds this host's own address on 443 and 80
        .runs(Host.ROOT, List.of(host.path(Program.HAPROXY), "-db", "-f", host.config("haproxy.cfg")))
        .in(dirs.base()).build());
    services.add(SharedServices.controller(host));
    return services;
  }
}
