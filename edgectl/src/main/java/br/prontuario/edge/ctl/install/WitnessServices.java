package br.prontuario.edge.ctl.install;

import java.util.ArrayList;
import java.util.List;

/**
 * What the Linux witness runs: etcd's third member, Sentinel 3, its entry HAProxy, the cloud's
 * replication gateway (a second HAProxy), keepalived for the floating entry address (when there
 * is one), a failover-controller replica. pgBackRest's
 * repository needs no daemon (the nodes reach it over SSH); its timers are {@link BackupTimers}.
 */
final class WitnessServices {

  static final String RUNTIME_DIR = "prontuario-keepalived";

  private WitnessServices() {}

  static List<Service> of(Host host, boolean floatingAddress) {
    List<Service> services = new ArrayList<>();
    services.add(SharedServices.etcd(host, "etcd member 3 (Patroni's consensus store)"));
    services.add(SharedServices.sentinel(host, "Redis Sentinel 3"));
    services.add(SharedServices.kafka(host));
    services.add(Service.named("haproxy", "HAProxy, the clinicians' entry point on the witness")
        // -Ws: master-worker mode that tells systemd when it is ready
        .runs(host.serviceAccount(), List.of(host.path(Program.HAPROXY), "-Ws", "-f", host.config("haproxy.cfg")))
        .in(host.dirs().base())
        // 443 and 80 without root
        .capabilities("CAP_NET_BIND_SERVICE").notifiesReady().build());
    services.add(Service.named("replication-gateway",
            "HAProxy, the address the GKE standby replicates from (follows the edge primary)")
        .runs(host.serviceAccount(), List.of(host.path(Program.HAPROXY), "-Ws", "-f",
            host.config("replication-gateway.cfg")))
        .in(host.dirs().base()).notifiesReady().build());
    if (floatingAddress) {
      String run = "/run/" + RUNTIME_DIR + "/";
      services.add(Service.named("keepalived", "keepalived, the floating entry address (VRRP)")
          // root with only the network capabilities VRRP needs (and CAP_KILL for its
          // "killall -0 haproxy" check of a process owned by another user)
          .runs(Host.ROOT, List.of(host.path(Program.KEEPALIVED), "--dont-fork", "--log-console",
              "--use-file=" + host.config("keepalived.conf"), "--pid=" + run + "keepalived.pid",
              "--vrrp_pid=" + run + "vrrp.pid", "--checkers_pid=" + run + "checkers.pid"))
          .in("/")
          .capabilities("CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_NET_BROADCAST", "CAP_KILL")
          .runtimeDirectory(RUNTIME_DIR).build());
    }
    services.add(SharedServices.controller(host));
    return services;
  }
}
