package br.prontuario.edge.node.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.node.support.EdgeNodeIT;
import br.prontuario.edge.testsupport.http.TestHttp;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FhirFacadeIT extends EdgeNodeIT {

  private static final String CPF_SYSTEM = "http://rnds.saude.gov.br/fhir/r4/NamingSystem/cpf";

  private final IParser parser = FhirContext.forR4Cached().newJsonParser();
  private FhirRecordFixture record;

  @BeforeEach
  void patientWithARecord() {
    String doctor = token(Role.PHYSICIAN);
    record = FhirRecordFixture.create(new FhirRecordFixture.Api() {
      public TestHttp.Reply post(String path, String json) {
        return api.post(path, doctor, json);
      }

      public TestHttp.Reply put(String path, String ifMatch, String json) {
        return api.put(path, doctor, ifMatch, json);
      }
    }, freshCpf());
  }

  @Test
  void metadataIsAnOpenR4CapabilityStatementListingEveryResource() {
    TestHttp.Reply reply = api.get("/fhir/metadata", null);
    assertThat(reply.status()).isEqualTo(200);
    CapabilityStatement statement = parse(reply, CapabilityStatement.class);
    assertThat(statement.getFhirVersion().toCode()).isEqualTo("4.0.1");
    assertThat(statement.getRestFirstRep().getResource()).extracting(r -> r.getType())
        .contains("Patient", "Condition", "AllergyIntolerance", "Observation", "Encounter",
            "DocumentReference");
  }

  @Test
  void aPatientIsFoundByCpfAsBrIndividuoWithCpfShownOnlyToRegistrationInLists() {
    String query = "/fhir/Patient?identifier=" + CPF_SYSTEM + "%7C" + record.cpf();
    Bundle forAdmin = parse(api.get(query, token(Role.ADMIN)), Bundle.class);
    assertThat(forAdmin.getEntry()).hasSize(1);
    Patient patient = (Patient) forAdmin.getEntryFirstRep().getResource();
    assertThat(patient.getIdElement().getIdPart()).isEqualTo(record.patientId());
    assertThat(patient.getMeta().getProfile().get(0).getValue())
        .isEqualTo("http://www.saude.gov.br/fhir/r4/StructureDefinition/BRIndividuo-1.0");
    assertThat(documents(patient)).containsExactly("TAX " + record.cpf(), "HC " + record.cns());
    assertThat(patient.getNameFirstRep().getText()).isEqualTo("Maria José da Silva");

    Bundle forDoctor = parse(api.get(query, token(Role.PHYSICIAN)), Bundle.class);
    assertThat(documents((Patient) forDoctor.getEntryFirstRep().getResource()))
        .containsExactly("HC " + record.cns());
  }

  @Test
  void aPatientIsFoundByCnsWithOrWithoutTheSystem() {
    for (String identifier : List.of(
        "http://rnds.saude.gov.br/fhir/r4/NamingSystem/cns%7C" + record.cns(), record.cns())) {
      Bundle found = parse(api.get("/fhir/Patient?identifier=" + identifier,
          token(Role.NURSE)), Bundle.class);
      assertThat(found.getEntry()).hasSize(1);
      assertThat(found.getEntryFirstRep().getResource().getIdElement().getIdPart())
          .isEqualTo(record.patientId());
    }
  }

  @Test
  void aSingleReadShowsTheCpfToCliniciansButNotToAuditors() {
    String url = "/fhir/Patient/" + record.patientId();
    assertThat(documents(parse(api.get(url, token(Role.NURSE)), Patient.class)))
        .contains("TAX " + record.cpf());
    assertThat(documents(parse(api.get(url, token(Role.AUDITOR)), Patient.class)))
        .containsExactly("HC " + record.cns());
  }

  @Test
  void clinicalRecordsAreSearchedByPatientAndMappedToTheirCodes() {
    String doctor = token(Role.PHYSICIAN);
    String patient = "?patient=Patient/" + record.patientId();

    Condition problem = only(api.get("/fhir/Condition" + patient, doctor), Condition.class);
    assertThat(problem.getCode().getCodingFirstRep().getCode()).isEqualTo("J189");
    assertThat(problem.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("active");

    AllergyIntolerance allergy =
        only(api.get("/fhir/AllergyIntolerance" + patient, doctor), AllergyIntolerance.class);
    assertThat(allergy.getCode().getText()).isEqualTo("Dipirona");
    assertThat(allergy.getReactionFirstRep().getSeverity().toCode()).isEqualTo("moderate");

    Observation vital = only(api.get("/fhir/Observation" + patient + "&category=vital-signs",
        doctor), Observation.class);
    assertThat(vital.getCode().getCodingFirstRep().getCode()).isEqualTo("8867-4");
    assertThat(vital.getValueQuantity().getValue()).isEqualByComparingTo("112");
    assertThat(vital.getValueQuantity().getCode()).isEqualTo("/min");
    assertThat(parse(api.get("/fhir/Observation" + patient + "&category=laboratory", doctor),
        Bundle.class).getEntry()).isEmpty();

    Encounter encounter = only(api.get("/fhir/Encounter" + patient, doctor), Encounter.class);
    assertThat(encounter.getClass_().getCode()).isEqualTo("EMER");
    assertThat(encounter.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
  }

  @Test
  void aCorrectedNoteIsCurrentAndReplacesTheSupersededVersion() {
    String nurse = token(Role.NURSE);
    DocumentReference current = only(api.get("/fhir/DocumentReference?patient="
        + record.patientId(), nurse), DocumentReference.class);
    assertThat(current.getIdElement().getIdPart()).isEqualTo(record.correctedNoteId());
    assertThat(new String(current.getContentFirstRep().getAttachment().getData(),
        StandardCharsets.UTF_8)).isEqualTo("Paciente estável, afebril.");
    assertThat(current.getRelatesToFirstRep().getTarget().getReference())
        .isEqualTo("DocumentReference/" + record.firstNoteId());

    DocumentReference first = parse(api.get("/fhir/DocumentReference/"
        + record.firstNoteId(), nurse), DocumentReference.class);
    assertThat(first.getStatus().toCode()).isEqualTo("superseded");
  }

  @Test
  void theSameTokensAndRolesAsTheRecordsApiApply() {
    assertThat(api.get("/fhir/Patient/" + record.patientId(), null).status()).isEqualTo(401);
    assertThat(api.get("/fhir/Patient/" + record.patientId(), "not-a-token").status())
        .isEqualTo(401);
    // admin staff register patients and open encounters but see no clinical content
    String admin = token(Role.ADMIN);
    assertThat(api.get("/fhir/Encounter?patient=" + record.patientId(), admin).status())
        .isEqualTo(200);
    for (String type : List.of("Condition", "AllergyIntolerance", "Observation",
        "DocumentReference")) {
      assertThat(api.get("/fhir/" + type + "?patient=" + record.patientId(), admin).status())
          .as(type).isEqualTo(403);
    }
    assertThat(api.get("/fhir/Patient/" + record.patientId(), token(Role.IT_OPS)).status())
        .isEqualTo(403);
    // read-only: writes are denied before they reach HAPI
    assertThat(api.post("/fhir/Patient", token(Role.PHYSICIAN), "{}").status()).isEqualTo(403);
  }

  @Test
  void badSearchesAreOperationOutcomesAndUnknownIdsAreNotFound() {
    String doctor = token(Role.PHYSICIAN);
    TestHttp.Reply badCpf = api.get("/fhir/Patient?identifier=" + CPF_SYSTEM + "%7C12345678900",
        doctor);
    assertThat(badCpf.status()).isEqualTo(400);
    assertThat(parse(badCpf, OperationOutcome.class).getIssueFirstRep().getDiagnostics())
        .contains("CPF");
    assertThat(api.get("/fhir/Patient?identifier=urn:other%7C1", doctor).status())
        .isEqualTo(400);
    assertThat(api.get("/fhir/Patient", doctor).status()).isEqualTo(400);
    assertThat(api.get("/fhir/Patient/not-a-uuid", doctor).status()).isEqualTo(404);
    assertThat(api.get("/fhir/Condition/" + record.allergyId(), doctor).status())
        .as("an allergy's id is no Condition").isEqualTo(404);
  }

  @Test
  void everyReadAndSearchIsAuditedWithThePatient() {
    String auditor = token("fhir-auditor", Role.AUDITOR);
    api.get("/fhir/Patient/" + record.patientId(), auditor);
    api.get("/fhir/Condition?patient=" + record.patientId(), auditor);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForList(
        "SELECT action FROM audit_log WHERE actor = 'fhir-auditor' AND patient_id = ?::uuid",
        String.class, record.patientId()))
        .contains("fhir.patient.read", "fhir.condition.search"));
  }

  private <T extends IBaseResource> T parse(TestHttp.Reply reply, Class<T> type) {
    return parser.parseResource(type, reply.body());
  }

  private <T extends IBaseResource> T only(TestHttp.Reply reply, Class<T> type) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    Bundle bundle = parse(reply, Bundle.class);
    assertThat(bundle.getEntry()).hasSize(1);
    return type.cast(bundle.getEntryFirstRep().getResource());
  }

  private static List<String> documents(Patient patient) {
    return patient.getIdentifier().stream()
        .map((Identifier i) -> i.getType().getCodingFirstRep().getCode() + " " + i.getValue())
        .toList();
  }
}
