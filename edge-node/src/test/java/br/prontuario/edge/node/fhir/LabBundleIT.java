package br.prontuario.edge.node.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.node.support.EdgeNodeIT;
import br.prontuario.edge.testsupport.http.TestHttp;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18: lab results in as a FHIR transaction Bundle on POST /fhir, through the same intake as
 * ORU^R01: authenticated per lab sender, answered after the commit, idempotent on the Bundle's
 * identifier, a critical value raising the patient's alert; and read back as Observations and a
 * DiagnosticReport that HL7's validator finds no error in.
 */
class LabBundleIT extends EdgeNodeIT {

  private static final String CPF_SYSTEM = "http://rnds.saude.gov.br/fhir/r4/NamingSystem/cpf";

  private final IParser parser = FhirContext.forR4Cached().newJsonParser();
  private String cpf;
  private String patientId;

  @BeforeEach
  void aPatient() {
    cpf = freshCpf();
    patientId = api.post("/api/v1/patients", token(Role.PHYSICIAN), TestHttp.json(Map.of(
        "name", "Paciente Resultado", "birthDate", "1962-05-04", "sex", "female", "cpf", cpf)))
        .json().get("id").asText();
  }

  @Test
  void aResultsBundleIsCommittedOnceRaisesTheCriticalAlertAndReadsBackValid() {
    String messageId = "LAB-" + UUID.randomUUID();
    TestHttp.Reply reply = post(bundle(messageId, cpf), LAB_SENDER, LAB_TOKEN);

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    Bundle response = parser.parseResource(Bundle.class, reply.body());
    assertThat(response.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
    assertThat(response.getEntry()).extracting(e -> e.getResponse().getStatus())
        .containsExactly("201 Created", "201 Created", "201 Created");
    String report = response.getEntry().get(0).getResponse().getLocation();
    assertThat(report).startsWith("DiagnosticReport/");
    assertThat(results()).isEqualTo(2);
    assertThat(api.get("/api/v1/patients/" + patientId + "/alerts", token(Role.NURSE)).json()
        .get("items")).hasSize(1);

    // the lab's retry after a lost answer: the same locations, nothing written twice
    TestHttp.Reply again = post(bundle(messageId, cpf), LAB_SENDER, LAB_TOKEN);
    assertThat(again.status()).isEqualTo(200);
    Bundle replayed = parser.parseResource(Bundle.class, again.body());
    assertThat(replayed.getEntry()).extracting(e -> e.getResponse().getStatus())
        .containsOnly("200 OK");
    assertThat(replayed.getEntry()).extracting(e -> e.getResponse().getLocation())
        .isEqualTo(response.getEntry().stream().map(e -> e.getResponse().getLocation()).toList());
    assertThat(results()).isEqualTo(2);

    // read back: the report names its results; each is a laboratory Observation; all valid
    String doctor = token(Role.PHYSICIAN);
    TestHttp.Reply read = api.get("/fhir/" + report, doctor);
    assertThat(read.status()).isEqualTo(200);
    DiagnosticReport diagnostic = parser.parseResource(DiagnosticReport.class, read.body());
    assertThat(diagnostic.getResult()).extracting(Reference::getReference).containsExactly(
        response.getEntry().get(1).getResponse().getLocation(),
        response.getEntry().get(2).getResponse().getLocation());
    TestHttp.Reply potassium = api.get("/fhir/" + response.getEntry().get(2).getResponse().getLocation(), doctor);
    Observation k = parser.parseResource(Observation.class, potassium.body());
    assertThat(k.getValueQuantity().getValue()).isEqualByComparingTo("6.8");
    assertThat(k.getInterpretationFirstRep().getCodingFirstRep().getCode()).isEqualTo("HH");
    TestHttp.Reply lab = api.get("/fhir/Observation?patient=Patient/" + patientId + "&category=laboratory", doctor);
    assertThat(parser.parseResource(Bundle.class, lab.body()).getEntry()).hasSize(2);
    TestHttp.Reply reports = api.get("/fhir/DiagnosticReport?patient=Patient/" + patientId, token(Role.NURSE));
    assertThat(parser.parseResource(Bundle.class, reports.body()).getEntry()).hasSize(1);
    List<String> errors = new ArrayList<>();
    for (TestHttp.Reply r : List.of(read, potassium, lab, reports)) {
      RndsValidator.get().errors(parser.parseResource(r.body())).forEach(errors::add);
    }
    assertThat(errors).isEmpty();
    // clinical content: registration staff see no lab results
    assertThat(api.get("/fhir/" + report, token(Role.ADMIN)).status()).isEqualTo(403);
  }

  @Test
  void theRecordsApiListsThePatientsResultsNewestFirstWithTheCriticalOnesMarked() {
    assertThat(post(bundle("LAB-" + UUID.randomUUID(), cpf), LAB_SENDER, LAB_TOKEN).status()).isEqualTo(200);
    String path = "/api/v1/patients/" + patientId + "/lab-results";

    TestHttp.Reply first = api.get(path + "?limit=1", token(Role.NURSE));
    assertThat(first.status()).isEqualTo(200);
    JsonNode page = first.json();
    assertThat(page.get("items")).hasSize(1);
    TestHttp.Reply second = api.get(path + "?limit=1&cursor=" + page.get("nextCursor").asText(),
        token(Role.NURSE));
    List<JsonNode> both = List.of(page.get("items").get(0), second.json().get("items").get(0));
    assertThat(both).extracting(r -> r.get("code").asText()).containsExactlyInAnyOrder("2951-2", "2823-3");
    JsonNode potassium = both.stream().filter(r -> r.get("code").asText().equals("2823-3")).findFirst().orElseThrow();
    assertThat(potassium.get("value").asText()).isEqualTo("6.8");
    assertThat(potassium.get("unit").asText()).isEqualTo("mmol/L");
    assertThat(potassium.get("abnormalFlag").asText()).isEqualTo("HH");
    assertThat(potassium.get("critical").asBoolean()).isTrue();
    assertThat(both.stream().filter(r -> r.get("code").asText().equals("2951-2")).findFirst().orElseThrow()
        .get("critical").asBoolean()).isFalse();
    assertThat(second.json().get("nextCursor").isNull()).isTrue();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE action = 'lab-result.list'"
        + " AND patient_id = ?::uuid", Integer.class, patientId)).isEqualTo(2);

    // registration staff do not read results; an unknown patient or a forged cursor is a problem
    assertThat(api.get(path, token(Role.ADMIN)).status()).isEqualTo(403);
    TestHttp.Reply none = api.get("/api/v1/patients/" + UUID.randomUUID() + "/lab-results", token(Role.PHYSICIAN));
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.header("Content-Type")).startsWith("application/problem+json");
    assertThat(api.get(path + "?cursor=not-ours", token(Role.PHYSICIAN)).status()).isEqualTo(400);
    assertThat(api.get(path + "?limit=0", token(Role.PHYSICIAN)).status()).isEqualTo(400);
  }

  @Test
  void theSampleBundleOfTheIntegratorsGuideIsAccepted() throws Exception {
    String sample = java.nio.file.Files.readString(java.nio.file.Path.of(
        "../docs/samples/fhir-lab-bundle-potassium.json")).replace("90000000256", cpf)
        .replace("LIS-000002", "LIS-" + UUID.randomUUID());

    TestHttp.Reply reply = post(parser.parseResource(Bundle.class, sample), LAB_SENDER, LAB_TOKEN);

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(results()).isEqualTo(2);
  }

  @Test
  void anUnknownSenderOrAWrongTokenIsRefusedAndNothingIsWritten() {
    String messageId = "LAB-" + UUID.randomUUID();

    assertThat(post(bundle(messageId, cpf), LAB_SENDER, "guessed-token").status()).isEqualTo(401);
    assertThat(post(bundle(messageId, cpf), "OTHER@HOSP", LAB_TOKEN).status()).isEqualTo(401);
    assertThat(post(bundle(messageId, cpf), null, null).status()).isEqualTo(401);
    assertThat(results()).isZero();
  }

  @Test
  void anUnknownPatientIs422AndABundleWithoutItsIdentifierIs400() {
    TestHttp.Reply unknown = post(bundle("LAB-" + UUID.randomUUID(), freshCpf()), LAB_SENDER, LAB_TOKEN);
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(parser.parseResource(OperationOutcome.class, unknown.body()).getIssueFirstRep()
        .getDiagnostics()).contains("no patient");

    Bundle noId = bundle("x", cpf);
    noId.setIdentifier(null);
    TestHttp.Reply missing = post(noId, LAB_SENDER, LAB_TOKEN);
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body()).contains("Bundle.identifier.value");
    assertThat(results()).isZero();
  }

  private TestHttp.Reply post(Bundle bundle, String sender, String token) {
    HttpRequest.Builder b = api.request("/fhir", null).header("Content-Type", "application/fhir+json")
        .POST(HttpRequest.BodyPublishers.ofString(parser.encodeResourceToString(bundle)));
    if (sender != null) {
      b.header("X-Lab-Sender", sender);
    }
    if (token != null) {
      b.header("X-Lab-Token", token);
    }
    return api.send(b.build());
  }

  /** A DiagnosticReport for the CPF's patient with a normal sodium and a critical potassium. */
  private static Bundle bundle(String messageId, String patientCpf) {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION)
        .setIdentifier(new Identifier().setSystem("urn:lis:hosp").setValue(messageId));
    DiagnosticReport report = new DiagnosticReport().setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL)
        .setCode(new CodeableConcept(new Coding("http://loinc.org", "24326-1", "Electrolytes panel")))
        .setSubject(new Reference().setIdentifier(new Identifier().setSystem(CPF_SYSTEM).setValue(patientCpf)));
    report.addResult(new Reference("urn:uuid:sodium")).addResult(new Reference("urn:uuid:potassium"));
    bundle.addEntry().setFullUrl("urn:uuid:report").setResource(report).getRequest()
        .setMethod(Bundle.HTTPVerb.POST).setUrl("DiagnosticReport");
    bundle.addEntry().setFullUrl("urn:uuid:sodium").setResource(observation("2951-2", "Sodium", "138", "N"))
        .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
    bundle.addEntry().setFullUrl("urn:uuid:potassium").setResource(observation("2823-3", "Potassium", "6.8", "HH"))
        .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
    return bundle;
  }

  private static Observation observation(String loinc, String name, String value, String flag) {
    Observation o = new Observation().setStatus(Observation.ObservationStatus.FINAL)
        .setCode(new CodeableConcept(new Coding("http://loinc.org", loinc, name)))
        .setEffective(new DateTimeType("2026-12-01T10:15:00-03:00"))
        .setValue(new Quantity().setValue(new BigDecimal(value)).setUnit("mmol/L")
            .setSystem("http://unitsofmeasure.org").setCode("mmol/L"));
    o.addInterpretation(new CodeableConcept(new Coding(
        "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", flag, null)));
    o.addReferenceRange().setText(name.equals("Sodium") ? "135-145" : "3.5-5.1");
    return o;
  }

  private int results() {
    return jdbc.queryForObject("SELECT count(*) FROM lab_results WHERE patient_id = ?::uuid",
        Integer.class, patientId);
  }
}
