package br.prontuario.edge.node.fhir;

import br.prontuario.edge.common.audit.AuditLog;
import br.prontuario.edge.common.security.ClinicalPrincipal;
import br.prontuario.edge.common.security.Role;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IIdType;
import org.springframework.stereotype.Component;

/**
 * What every resource provider does the same way as /api/v1: audit each read and search under
 * the caller's token, apply the LGPD CPF rule, and turn ids into UUIDs. Roles per resource type
 * are enforced before the request reaches HAPI (FhirSecurityConfig).
 */
@Component
class FhirAccess {

  private final AuditLog audit;

  FhirAccess(AuditLog audit) {
    this.audit = audit;
  }

  /** Records {@code fhir.<type>.<read|search>} like /api/v1's "patient.read". */
  void audit(String resourceType, String operation, UUID patientId, UUID resourceId) {
    audit.record("fhir." + resourceType.toLowerCase() + "." + operation, patientId,
        resourceId == null ? null : resourceId.toString(), null, null);
  }

  /** LGPD, as in /api/v1: lists show CPF only to registration; single reads hide it from auditors. */
  boolean cpfVisible(boolean inList) {
    ClinicalPrincipal caller = ClinicalPrincipal.require();
    return inList
        ? caller.has(Role.ADMIN)
        : caller.has(Role.PHYSICIAN) || caller.has(Role.NURSE) || caller.has(Role.ADMIN);
  }

  /** Our ids are UUIDs; anything else names no resource here. */
  static UUID idOf(IIdType id) {
    try {
      return UUID.fromString(id.getIdPart());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ResourceNotFoundException(id);
    }
  }

  /** The patient of a {@code patient=} search: {@code Patient/<uuid>} or a bare uuid. */
  static UUID patientOf(String reference) {
    String id = reference.startsWith("Patient/") ? reference.substring(8) : reference;
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("patient must be Patient/<id> or <id>.");
    }
  }
}
