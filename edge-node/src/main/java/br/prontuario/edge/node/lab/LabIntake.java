package br.prontuario.edge.node.lab;

import br.prontuario.edge.common.audit.AuditLog;
import br.prontuario.edge.node.events.ClinicalEvents;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Authenticates the sender, finds the patient and writes the message's results, its critical
 * alerts and its audit row in one transaction. The outcome is returned only after that commit
 * (which, with synchronous replication, is on the standby too), so an AA is never sent for
 * results that could still be lost.
 */
class LabIntake {

  static final String ROLE = "lab-system";

  private final List<LabProperties.Sender> senders;
  private final LabRepository repository;
  private final AuditLog audit;
  private final ClinicalEvents events;
  private final TransactionTemplate transactions;
  private final Clock clock;

  LabIntake(List<LabProperties.Sender> senders, LabRepository repository, AuditLog audit,
      ClinicalEvents events, TransactionTemplate transactions, Clock clock) {
    this.senders = List.copyOf(senders);
    this.repository = repository;
    this.audit = audit;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  LabOutcome receive(OruMessage message) {
    Optional<LabProperties.Sender> sender = authenticate(message);
    if (sender.isEmpty()) {
      return new LabOutcome.Rejected("unknown sender or wrong MSH-8 token");
    }
    if (message.controlId() == null || message.controlId().isBlank()) {
      return new LabOutcome.Rejected("MSH-10 (message control id) is required");
    }
    if (message.results().isEmpty()) {
      return new LabOutcome.Error("the message holds no OBX result");
    }
    Optional<UUID> patient = message.cpf() != null ? repository.patientByCpf(message.cpf())
        : message.cns() != null ? repository.patientByCns(message.cns()) : Optional.empty();
    if (patient.isEmpty()) {
      return new LabOutcome.Error("no patient with the CPF or CNS in PID-3");
    }
    return transactions.execute(status -> write(sender.get().name(), message, patient.get()));
  }

  private LabOutcome write(String sender, OruMessage message, UUID patientId) {
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    if (!repository.claim(sender, message.controlId(), patientId, message.results().size(),
        now)) {
      repository.awaitReplicated(sender, message.controlId());
      return new LabOutcome.AlreadyReceived();
    }
    String actor = "lab:" + sender;
    int alerts = 0;
    for (OruMessage.Result result : message.results()) {
      repository.insert(UUID.randomUUID(), patientId, sender, message.controlId(), result, now);
      if (result.isCritical()) {
        UUID alert = repository.raiseCriticalAlert(patientId, alertText(result), actor, now);
        audit.recordAs(actor, ROLE, "alert.create", patientId, alert.toString(), null, null);
        events.publish("alert.created", patientId, alert.toString());
        alerts++;
      }
    }
    audit.recordAs(actor, ROLE, "lab-result.create", patientId, message.controlId(), null,
        message.results());
    events.publish("lab-result.created", patientId, message.controlId());
    return new LabOutcome.Accepted(patientId, message.results().size(), alerts);
  }

  private Optional<LabProperties.Sender> authenticate(OruMessage message) {
    return senders.stream()
        .filter(s -> s.application().equals(message.application())
            && s.facility().equals(message.facility()))
        .filter(s -> s.accepts(message.securityToken()))
        .findFirst();
  }

  static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  /** The alert as clinicians read it; only characters the alerts' label rule allows. */
  private static String alertText(OruMessage.Result r) {
    String text = "Valor crítico: " + (r.name() != null ? r.name() : r.code()) + " " + r.value()
        + (r.unit() != null ? " " + r.unit() : "") + " (" + r.abnormalFlag() + ")";
    text = text.replaceAll("[<>;{}\\\\\\p{Cntrl}]", " ");
    return text.length() > 500 ? text.substring(0, 500) : text;
  }
}
