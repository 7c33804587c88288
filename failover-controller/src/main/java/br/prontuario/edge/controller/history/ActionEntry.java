package br.prontuario.edge.controller.history;

import br.prontuario.edge.controller.decision.ActionOutcome;

/**
 * One carried-out action in the history's JSON: {@code {"action": "Switchover node-a -> node-b",
 * "outcome": {"type": "failed", "detail": "..."}}}. Clients decide on {@code outcome.type}; the
 * {@code results} lines beside it are for people.
 */
public record ActionEntry(String action, ActionOutcome outcome) {}
