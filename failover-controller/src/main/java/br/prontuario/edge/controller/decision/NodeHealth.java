package br.prontuario.edge.controller.decision;

import java.time.Instant;
import java.util.Optional;

/**
 * One node's health with the evidence behind it.
 *
 * @param failingSince when the current run of failures started (detection start), empty if none
 */
public record NodeHealth(
    String node, NodeStatus status, int appFailures, int patroniFailures, Optional<Instant> failingSince) {}
