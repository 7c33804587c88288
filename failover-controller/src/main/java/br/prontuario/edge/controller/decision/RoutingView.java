package br.prontuario.edge.controller.decision;

import java.util.Optional;

/**
 * What the router itself shows, read just before a reconcile round: the router is the truth,
 * since another replica may have opened the cloud and {@code edgectl failback} may have closed it.
 *
 * @param cloudRouted the cloud path is open (clinicians may be sent there)
 * @param activeNode the one node the router sends clinicians to; empty if none or several
 */
public record RoutingView(boolean cloudRouted, Optional<String> activeNode) {}
