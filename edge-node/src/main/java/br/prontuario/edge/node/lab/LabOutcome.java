package br.prontuario.edge.node.lab;

import java.util.UUID;

/** What the intake did with one message; each maps to one HL7 acknowledgment code. */
sealed interface LabOutcome {

  /** Committed now (AA). */
  record Accepted(UUID patientId, int results, int criticalAlerts) implements LabOutcome {}

  /** Committed before under the same sender and control id; nothing written (AA). */
  record AlreadyReceived() implements LabOutcome {}

  /** Understood but not applicable, nothing written (AE): e.g. an unknown patient. */
  record Error(String reason) implements LabOutcome {}

  /** Refused, nothing written (AR): unknown sender, wrong token, not an ORU^R01 2.5.1. */
  record Rejected(String reason) implements LabOutcome {}
}
