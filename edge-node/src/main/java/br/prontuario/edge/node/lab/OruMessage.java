package br.prontuario.edge.node.lab;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the intake needs from one ORU^R01, already out of HL7's structures.
 *
 * @param cpf the patient's CPF from PID-3 (type TAX or CPF), or null
 * @param cns the patient's CNS from PID-3 (type HC or CNS), or null
 */
record OruMessage(String application, String facility, String securityToken, String controlId,
    String cpf, String cns, List<Result> results) {

  /** One OBX. {@code numericValue} is set for NM values. */
  record Result(int setId, String code, String codeSystem, String name, String value,
      BigDecimal numericValue, String unit, String referenceRange, String abnormalFlag,
      String status, OffsetDateTime observedAt) {

    boolean isCritical() {
      return criticalFlag(abnormalFlag);
    }
  }

  /** HL7 table 0078: HH and LL are critical (panic) values, AA critically abnormal. */
  static boolean criticalFlag(String abnormalFlag) {
    return "HH".equals(abnormalFlag) || "LL".equals(abnormalFlag) || "AA".equals(abnormalFlag);
  }
}
