package br.prontuario.edge.localcluster.haproxy;

import br.prontuario.edge.localcluster.cluster.ClusterLayout;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.config.ProductionHosts;
import java.util.StringJoiner;

/**
 * {@code keepalived.conf} for one box (production, Linux): VRRP keeps the clinicians' floating
 * entry address on one box whose HAProxy runs, and moves it within about three advertisements
 * when that box or its HAProxy dies. Every box starts as BACKUP with {@code nopreempt}, so a box
 * that returns does not take the address back (no second move); the priorities follow the entry
 * order (witness, node-a, node-b). Unicast peers: no multicast needed on the hospital LAN.
 */
public final class KeepalivedConfig {

  /** One VRRP group per LAN segment; change it if another keepalived pair uses 51. */
  static final int VIRTUAL_ROUTER_ID = 51;

  private KeepalivedConfig() {}

  public static String render(ClusterLayout layout, NodeName host, ProductionHosts production) {
    StringJoiner c = new StringJoiner("\n", "", "\n");
    c.add("# keepalived on " + host + ": the floating entry address " + production.entryVirtualIp()
        + " (written by edgectl render from config/edge-cluster.yaml)");
    c.add("# HAProxy binds it too: set net.ipv4.ip_nonlocal_bind=1 on this host");
    c.add("global_defs {");
    c.add("  router_id prontuario_" + host.id().replace('-', '_'));
    c.add("  enable_script_security");
    c.add("  script_user root");
    c.add("}");
    c.add("");
    c.add("# the address stays only where HAProxy runs");
    c.add("vrrp_script haproxy_alive {");
    c.add("  script \"/usr/bin/killall -0 haproxy\"");
    c.add("  interval 2");
    c.add("  fall 2");
    c.add("  rise 2");
    c.add("}");
    c.add("");
    c.add("vrrp_instance prontuario_entry {");
    c.add("  state BACKUP");
    c.add("  nopreempt");
    c.add("  interface " + production.vrrpInterface());
    c.add("  virtual_router_id " + VIRTUAL_ROUTER_ID);
    c.add("  priority " + priority(host));
    c.add("  advert_int 1");
    c.add("  unicast_src_ip " + layout.host(host));
    c.add("  unicast_peer {");
    for (NodeName peer : ClusterLayout.ENTRY_ORDER) {
      if (peer != host) {
        c.add("    " + layout.host(peer));
      }
    }
    c.add("  }");
    c.add("  virtual_ipaddress {");
    c.add("    " + production.entryVirtualIp() + " dev " + production.vrrpInterface());
    c.add("  }");
    c.add("  track_script {");
    c.add("    haproxy_alive");
    c.add("  }");
    c.add("}");
    return c.toString();
  }

  /** 150, 100, 50 in the entry order: the first entry holds the address when all start together. */
  static int priority(NodeName host) {
    return 150 - 50 * ClusterLayout.ENTRY_ORDER.indexOf(host);
  }
}
