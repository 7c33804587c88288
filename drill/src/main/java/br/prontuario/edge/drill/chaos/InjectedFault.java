package br.prontuario.edge.drill.chaos;

import java.time.Instant;

/**
 * One fault as it happened: when it was injected and healed, and when both nodes served again
 * (a leader, a synchronous standby, both edge-nodes ready); {@code servingAgainAt} null and
 * {@code problem} set when they did not within the soak's patience.
 */
public record InjectedFault(ChaosStep step, Instant injectedAt, Instant healedAt,
    Instant servingAgainAt, String problem) {}
