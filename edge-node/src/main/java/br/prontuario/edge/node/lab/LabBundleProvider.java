package br.prontuario.edge.node.lab;

import br.prontuario.edge.common.problem.DatabaseOutage;
import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lab results in as a FHIR transaction ({@code POST /fhir}): the lab system names itself in
 * {@code X-Lab-Sender} (application@facility, as configured for MLLP) and proves it with its
 * token in {@code X-Lab-Token}; the results go through the same intake as an ORU^R01, so the
 * answer (a transaction-response) comes only after the commit the synchronous standby confirmed,
 * and a retry with the same Bundle.identifier writes nothing twice. Logs carry the sender, the
 * message id and the outcome, never patient data.
 */
public final class LabBundleProvider {

  static final String SENDER_HEADER = "X-Lab-Sender";
  static final String TOKEN_HEADER = "X-Lab-Token";
  private static final Logger log = LoggerFactory.getLogger(LabBundleProvider.class);

  private final LabIntake intake;
  private final List<LabProperties.Sender> senders;
  private final LabRepository repository;

  LabBundleProvider(LabIntake intake, LabProperties properties, LabRepository repository) {
    this.intake = intake;
    this.senders = properties.senders();
    this.repository = repository;
  }

  @Transaction
  public Bundle transaction(@TransactionParam Bundle bundle, HttpServletRequest request) {
    String token = request.getHeader(TOKEN_HEADER);
    LabProperties.Sender sender = authenticate(request.getHeader(SENDER_HEADER), token)
        .orElseThrow(() -> new AuthenticationException("unknown lab sender or wrong "
            + TOKEN_HEADER + " (send " + SENDER_HEADER + ": application@facility)"));
    OruMessage message = LabBundle.read(bundle, sender, token);
    LabOutcome outcome;
    try {
      outcome = intake.receive(message);
    } catch (RuntimeException e) {
      if (!DatabaseOutage.isTransient(e)) {
        throw e;
      }
      log.warn("lab bundle {} from {} not confirmed: {}", message.controlId(), sender.name(),
          e.getClass().getSimpleName());
      throw new Unavailable("not confirmed by the database; send the same Bundle again");
    }
    log.info("lab bundle {} from {}: {}", message.controlId(), sender.name(),
        outcome.getClass().getSimpleName());
    if (outcome instanceof LabOutcome.Error error) {
      throw new UnprocessableEntityException(error.reason());
    }
    if (outcome instanceof LabOutcome.Rejected rejected) {
      throw new InvalidRequestException(rejected.reason());
    }
    return response(bundle, sender, message.controlId(),
        outcome instanceof LabOutcome.Accepted ? "201 Created" : "200 OK");
  }

  /** One response entry per request entry, in order, each naming what it became here. */
  private Bundle response(Bundle request, LabProperties.Sender sender, String controlId,
      String status) {
    LabRepository.MessageIds ids = repository.messageIds(sender.name(), controlId)
        .orElseThrow(() -> new IllegalStateException("a committed lab message that cannot be read back"));
    Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
    int observation = 0;
    for (Bundle.BundleEntryComponent entry : request.getEntry()) {
      Bundle.BundleEntryResponseComponent answer = response.addEntry().getResponse();
      if (entry.getResource() instanceof DiagnosticReport) {
        answer.setStatus(status).setLocation("DiagnosticReport/" + ids.report());
      } else if (entry.getResource() instanceof Observation) {
        answer.setStatus(status).setLocation("Observation/" + ids.results().get(++observation));
      } else if (entry.getResource() instanceof Patient) {
        // used to find the patient, never written: the records API owns demographics
        answer.setStatus("200 OK").setLocation("Patient/" + ids.patient());
      } else {
        answer.setStatus("200 OK");
      }
    }
    return response;
  }

  private Optional<LabProperties.Sender> authenticate(String name, String token) {
    return senders.stream().filter(s -> s.name().equals(name) && s.accepts(token)).findFirst();
  }

  /** 503: the lab retries later with the same Bundle.identifier. */
  static final class Unavailable extends BaseServerResponseException {
    Unavailable(String message) {
      super(503, message);
    }
  }
}
