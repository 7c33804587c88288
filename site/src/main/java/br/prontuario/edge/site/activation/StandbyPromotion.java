package br.prontuario.edge.site.activation;

/**
 * The first step of activation: promote the cloud's standby cluster by removing
 * {@code standby_cluster} from its Patroni configuration — through Patroni's REST API
 * ({@link PatroniRestPromotion}: the local cluster, VMs) or, on GKE, through the Kubernetes object
 * where Patroni keeps that configuration (the controller's {@code KubernetesPatroniPromotion}).
 * Patroni does the promotion itself.
 */
public interface StandbyPromotion {

  /** When no cloud standby is configured: routing alone (e.g. Cloud SQL promoted elsewhere). */
  StandbyPromotion NONE = () -> new Outcome(true, "no cloud standby configured");

  Outcome promote();

  record Outcome(boolean ok, String detail) {}
}
