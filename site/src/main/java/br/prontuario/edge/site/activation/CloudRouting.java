package br.prontuario.edge.site.activation;

/**
 * The step of activation that differs between its callers: how clinicians are sent to the cloud
 * (the controller through its {@code Router}, edgectl through the entry HAProxy's runtime API).
 */
public sealed interface CloudRouting {

  record Routed(String detail) implements CloudRouting {}

  record Refused(String detail) implements CloudRouting {}

  /** No routing step (failback recording the fork point of a promotion the controller did). */
  record None() implements CloudRouting {}
}
