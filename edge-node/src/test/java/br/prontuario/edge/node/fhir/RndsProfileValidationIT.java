package br.prontuario.edge.node.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.node.support.EdgeNodeIT;
import br.prontuario.edge.testsupport.http.TestHttp;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/**
 * Everything /fhir returns is valid for HL7's validator against R4 core and, for Patient, the
 * RNDS BRIndividuo profile it claims: zero errors (warnings, such as "no narrative" or codes of
 * LOINC/UCUM that cannot be looked up without a terminology server, are allowed).
 */
class RndsProfileValidationIT extends EdgeNodeIT {

  private final IParser parser = FhirContext.forR4Cached().newJsonParser();

  @Test
  void everyResourceTheFacadeReturnsHasZeroValidationErrors() {
    String doctor = token(Role.PHYSICIAN);
    FhirRecordFixture record = FhirRecordFixture.create(new FhirRecordFixture.Api() {
      public TestHttp.Reply post(String path, String json) {
        return api.post(path, doctor, json);
      }

      public TestHttp.Reply put(String path, String ifMatch, String json) {
        return api.put(path, doctor, ifMatch, json);
      }
    }, freshCpf());
    String patient = "?patient=Patient/" + record.patientId();
    Map<String, String> urls = new LinkedHashMap<>();
    urls.put("/fhir/metadata", doctor);
    urls.put("/fhir/Patient/" + record.patientId(), doctor);
    urls.put("/fhir/Patient?identifier=http://rnds.saude.gov.br/fhir/r4/NamingSystem/cpf%7C"
        + record.cpf(), token(Role.ADMIN));
    urls.put("/fhir/Condition/" + record.problemId(), doctor);
    urls.put("/fhir/Condition" + patient, doctor);
    urls.put("/fhir/AllergyIntolerance/" + record.allergyId(), doctor);
    urls.put("/fhir/AllergyIntolerance" + patient, doctor);
    urls.put("/fhir/Observation/" + record.vitalSignId(), doctor);
    urls.put("/fhir/Observation" + patient, doctor);
    urls.put("/fhir/Encounter/" + record.encounterId(), doctor);
    urls.put("/fhir/Encounter" + patient, doctor);
    urls.put("/fhir/DocumentReference/" + record.firstNoteId(), doctor);
    urls.put("/fhir/DocumentReference" + patient, doctor);

    List<String> errors = new ArrayList<>();
    int validated = 0;
    for (Map.Entry<String, String> url : urls.entrySet()) {
      TestHttp.Reply reply = api.get(url.getKey(), url.getValue());
      assertThat(reply.status()).as(url.getKey()).isEqualTo(200);
      IBaseResource resource = parser.parseResource(reply.body());
      for (IBaseResource each : withEntries(resource)) {
        RndsValidator.get().errors(each).forEach(e -> errors.add(url.getKey() + " → " + e));
        validated++;
      }
    }
    // 13 responses; the 6 search bundles hold one resource each
    assertThat(validated).isEqualTo(19);
    assertThat(errors).isEmpty();
  }

  @Test
  void thePatientClaimsBrIndividuoAndAMissingNationalityWouldBreakIt() {
    TestHttp.Reply reply = api.get("/fhir/Patient/" + createPatient("Joana Prado"),
        token(Role.NURSE));
    Patient patient = parser.parseResource(Patient.class, reply.body());
    assertThat(RndsValidator.get().errors(patient)).isEmpty();

    // the validator does check the profile: without the extension BRIndividuo requires, it fails
    patient.getExtension().clear();
    assertThat(RndsValidator.get().errors(patient))
        .anySatisfy(e -> assertThat(e).contains("BRPais"));
  }

  private static List<IBaseResource> withEntries(IBaseResource resource) {
    List<IBaseResource> all = new ArrayList<>(List.of(resource));
    if (resource instanceof Bundle bundle) {
      bundle.getEntry().forEach(e -> all.add(e.getResource()));
    }
    return all;
  }
}
