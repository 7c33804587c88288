package br.prontuario.edge.node.fhir;

import br.prontuario.edge.node.lab.LabBundleProvider;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HAPI's plain RestfulServer as a second servlet at /fhir, beside Spring MVC: read and search over
 * the same database, behind the same bearer tokens (FhirSecurityConfig); the one write is a lab's
 * transaction Bundle of results, authenticated per lab sender (LabBundleProvider).
 */
@Configuration(proxyBeanMethods = false)
class FhirServerConfiguration {

  static final String BASE = "/fhir";

  @Bean
  FhirContext fhirContext() {
    return FhirContext.forR4Cached();
  }

  @Bean
  ServletRegistrationBean<RestfulServer> fhirServlet(FhirContext context, FhirRecords records,
      FhirAccess access, EntryReads reads, LabResultReads lab, FhirProperties properties,
      LabBundleProvider labBundles) {
    RestfulServer server = new RestfulServer(context);
    server.setServerName("Prontuário Edge FHIR facade");
    server.setImplementationDescription(
        "Read-only FHIR R4 view of the records API, RNDS BRIndividuo patients");
    server.setDefaultResponseEncoding(EncodingEnum.JSON);
    server.setResourceProviders(List.of(
        new PatientProvider(records, access, properties),
        new ConditionProvider(reads),
        new AllergyIntoleranceProvider(reads),
        new ObservationProvider(reads, lab, access),
        new DiagnosticReportProvider(lab, access),
        new EncounterProvider(reads),
        new DocumentReferenceProvider(records, access)));
    // POST /fhir: lab results as a transaction Bundle, authenticated per lab sender
    server.registerProvider(labBundles);
    ServletRegistrationBean<RestfulServer> registration =
        new ServletRegistrationBean<>(server, BASE + "/*");
    registration.setName("fhir");
    registration.setLoadOnStartup(1);
    return registration;
  }
}
