package br.prontuario.edge.controller.routing;

import java.util.Optional;

/**
 * Where clinicians' requests go. Two real implementations: HAProxy's runtime API (bare metal and
 * the local cluster) and Kubernetes through fabric8.
 */
public interface Router {

  /** Sends new requests to {@code node} only; the other nodes stop taking new ones. */
  RouteOutcome routeTo(String node);

  /** Opens (or closes) the path to the reduced cloud deployment. */
  RouteOutcome routeToCloud(boolean active);

  /**
   * Whether the router itself sends (or may send) clinicians to the cloud: what a replica that did
   * not activate the cloud itself reads to know a failback is still owed.
   */
  boolean cloudRouted();

  /** The node the router itself says is active; empty if none or more than one is. */
  Optional<String> activeNode();
}
