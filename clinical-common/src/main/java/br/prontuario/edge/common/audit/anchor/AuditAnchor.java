package br.prontuario.edge.common.audit.anchor;

import java.time.Instant;

/**
 * The head of the audit chain at one moment (its last row and that row's hash), kept outside
 * PostgreSQL: the chain itself cannot show that rows were removed from its tail, a copy of its head
 * held elsewhere can.
 */
public record AuditAnchor(long seq, String hash, Instant anchoredAt) {}
