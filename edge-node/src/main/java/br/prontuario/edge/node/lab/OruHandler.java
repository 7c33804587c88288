package br.prontuario.edge.node.lab;

import br.prontuario.edge.common.problem.DatabaseOutage;
import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v251.message.ORU_R01;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.idgenerator.UUIDGenerator;
import ca.uhn.hl7v2.validation.impl.NoValidation;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MLLP frame in, one ACK out: parse as HL7 v2.5.1, hand an ORU^R01 to the intake, answer
 * AA/AE/AR. Logs carry the sender, control id and outcome only, never patient data.
 */
class OruHandler {

  private static final Logger log = LoggerFactory.getLogger(OruHandler.class);

  private final LabIntake intake;
  private final PipeParser parser;

  OruHandler(LabIntake intake) {
    this.intake = intake;
    HapiContext context = new DefaultHapiContext(new CanonicalModelClassFactory("2.5.1"));
    // HAPI's default rules reject fields longer than the standard; labs send long texts
    context.setValidationContext(new NoValidation());
    // ACK control ids: HAPI's default generator keeps a counter in ./id_file; a node keeps no
    // files, and a UUID never repeats across restarts or nodes
    context.getParserConfiguration().setIdGenerator(new UUIDGenerator());
    this.parser = context.getPipeParser();
  }

  String handle(String frame) {
    String hl7 = frame.replace("\r\n", "\r").replace('\n', '\r');
    Message message;
    try {
      message = parser.parse(hl7);
    } catch (HL7Exception e) {
      log.warn("lab message refused: not parseable as HL7 v2.5.1");
      return unparsedAck(hl7);
    }
    try {
      if (!(message instanceof ORU_R01 oru)) {
        return ack(message, AcknowledgmentCode.AR, "only ORU^R01 is accepted");
      }
      LabOutcome outcome = intake.receive(OruParser.read(oru));
      log.info("lab message {} from {}@{}: {}", oru.getMSH().getMessageControlID().getValue(),
          oru.getMSH().getSendingApplication().getNamespaceID().getValue(),
          oru.getMSH().getSendingFacility().getNamespaceID().getValue(),
          outcome.getClass().getSimpleName());
      if (outcome instanceof LabOutcome.Error error) {
        return ack(message, AcknowledgmentCode.AE, error.reason());
      }
      if (outcome instanceof LabOutcome.Rejected rejected) {
        return ack(message, AcknowledgmentCode.AR, rejected.reason());
      }
      return ack(message, AcknowledgmentCode.AA, null); // accepted now or before
    } catch (HL7Exception e) {
      return ack(message, AcknowledgmentCode.AR, "malformed ORU^R01");
    } catch (RuntimeException e) {
      if (!DatabaseOutage.isTransient(e)) {
        throw e;
      }
      // lost database, or a commit the synchronous standby did not confirm: never an AA; the
      // sender's retry with the same control id is answered once the result is safe
      log.warn("lab message not confirmed: {}", e.getClass().getSimpleName());
      return ack(message, AcknowledgmentCode.AE, "not confirmed by the database; send it again");
    }
  }

  private String ack(Message message, AcknowledgmentCode code, String reason) {
    try {
      Message ack = reason == null ? message.generateACK()
          : message.generateACK(code, new HL7Exception(reason));
      return parser.encode(ack);
    } catch (HL7Exception | IOException e) {
      throw new IllegalStateException("HAPI could not build an ACK", e);
    }
  }

  /** An AR for bytes HAPI could not parse: echoes MSH-10 if one can be found. */
  private static String unparsedAck(String hl7) {
    String controlId = "";
    if (hl7.startsWith("MSH|")) {
      String[] fields = hl7.split("\r", 2)[0].split("\\|", -1);
      controlId = fields.length > 9 ? fields[9].replaceAll("[^A-Za-z0-9._-]", "") : "";
    }
    String now = OffsetDateTime.now(ZoneOffset.UTC)
        .format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    return "MSH|^~\\&|PRONTUARIO|EDGE|||" + now + "||ACK|" + UUID.randomUUID()
        + "|P|2.5.1\rMSA|AR|" + controlId + "\rERR|||100^Segment sequence error^HL70357|E\r";
  }
}
