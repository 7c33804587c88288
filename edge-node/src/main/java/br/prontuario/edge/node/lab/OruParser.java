package br.prontuario.edge.node.lab;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.v251.datatype.CX;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_OBSERVATION;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_ORDER_OBSERVATION;
import ca.uhn.hl7v2.model.v251.message.ORU_R01;
import ca.uhn.hl7v2.model.v251.segment.MSH;
import ca.uhn.hl7v2.model.v251.segment.OBX;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** An ORU_R01 (HAPI v2.5.1 structures) to an {@link OruMessage}. */
final class OruParser {

  private OruParser() {}

  static OruMessage read(ORU_R01 oru) throws HL7Exception {
    MSH msh = oru.getMSH();
    String cpf = null;
    String cns = null;
    for (CX id : oru.getPATIENT_RESULT().getPATIENT().getPID().getPatientIdentifierList()) {
      String type = id.getIdentifierTypeCode().getValue();
      String value = id.getIDNumber().getValue();
      if ("TAX".equals(type) || "CPF".equals(type)) {
        cpf = value;
      } else if ("HC".equals(type) || "CNS".equals(type)) {
        cns = value;
      }
    }
    List<OruMessage.Result> results = new ArrayList<>();
    for (ORU_R01_ORDER_OBSERVATION order : oru.getPATIENT_RESULT().getORDER_OBSERVATIONAll()) {
      for (ORU_R01_OBSERVATION observation : order.getOBSERVATIONAll()) {
        results.add(result(observation.getOBX(), results.size() + 1));
      }
    }
    return new OruMessage(msh.getSendingApplication().getNamespaceID().getValue(),
        msh.getSendingFacility().getNamespaceID().getValue(), msh.getSecurity().getValue(),
        msh.getMessageControlID().getValue(), cpf, cns, results);
  }

  private static OruMessage.Result result(OBX obx, int position) throws HL7Exception {
    String value = obx.getObservationValue().length == 0
        ? "" : obx.getObservationValue(0).getData().encode();
    BigDecimal numeric = null;
    if ("NM".equals(obx.getValueType().getValue())) {
      try {
        numeric = new BigDecimal(value.trim());
      } catch (NumberFormatException e) {
        throw new HL7Exception("OBX-5 is not a number although OBX-2 is NM");
      }
    }
    String setId = obx.getSetIDOBX().getValue();
    return new OruMessage.Result(setId == null || setId.isBlank() ? position
        : Integer.parseInt(setId.trim()),
        obx.getObservationIdentifier().getIdentifier().getValue(),
        obx.getObservationIdentifier().getNameOfCodingSystem().getValue(),
        obx.getObservationIdentifier().getText().getValue(), value, numeric,
        obx.getUnits().getIdentifier().getValue(), obx.getReferencesRange().getValue(),
        obx.getAbnormalFlagsReps() == 0 ? null : obx.getAbnormalFlags(0).getValue(),
        obx.getObservationResultStatus().getValue(), observedAt(obx));
  }

  private static OffsetDateTime observedAt(OBX obx) throws HL7Exception {
    if (obx.getDateTimeOfTheObservation().getTime().isEmpty()) {
      return null;
    }
    // a time without an offset is read in the node's time zone (HAPI's calendar default)
    return obx.getDateTimeOfTheObservation().getTime().getValueAsCalendar().toInstant()
        .atOffset(ZoneOffset.UTC);
  }
}
