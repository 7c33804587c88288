package br.prontuario.edge.common.audit;

import java.util.UUID;

/**
 * What one audit row says: who (actor, role) did what (action) to which patient/resource, under
 * which correlation id, with hashes of the record before and after (null when not applicable).
 */
public record AuditEvent(
    String actor,
    String role,
    String action,
    UUID patientId,
    String resourceId,
    String correlationId,
    String beforeHash,
    String afterHash) {}
