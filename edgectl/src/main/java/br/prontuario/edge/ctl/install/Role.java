package br.prontuario.edge.ctl.install;

import br.prontuario.edge.localcluster.config.NodeName;

/**
 * What a host is in the topology, and the one platform it is built for: the Mac Studios run macOS,
 * the witness runs Linux (keepalived and the backup timers are Linux-only; docs/failover.md, macOS).
 */
enum Role {
  NODE_A(NodeName.NODE_A, Platform.MACOS),
  NODE_B(NodeName.NODE_B, Platform.MACOS),
  WITNESS(NodeName.WITNESS, Platform.LINUX);

  private final NodeName node;
  private final Platform platform;

  Role(NodeName node, Platform platform) {
    this.node = node;
    this.platform = platform;
  }

  NodeName node() {
    return node;
  }

  Platform platform() {
    return platform;
  }

  static Role parse(String id) {
    NodeName node = NodeName.find(id).orElseThrow(() -> new IllegalArgumentException(
        "unknown role '" + id + "' (expected node-a, node-b or witness)"));
    return valueOf(node.name());
  }

  @Override
  public String toString() {
    return node.id();
  }
}
