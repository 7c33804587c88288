package br.prontuario.edge.node.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HAPI's plain RestfulServer as a second servlet at /fhir, beside Spring MVC: read and search
 * only, over the same database, behind the same bearer tokens (FhirSecurityConfig).
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
      FhirAccess access, EntryReads reads, FhirProperties properties) {
    RestfulServer server = new RestfulServer(context);
    server.setServerName("Prontuário Edge FHIR facade");
    server.setImplementationDescription(
        "Read-only FHIR R4 view of the records API, RNDS BRIndividuo patients");
    server.setDefaultResponseEncoding(EncodingEnum.JSON);
    server.setResourceProviders(List.of(
        new PatientProvider(records, access, properties),
        new ConditionProvider(reads),
        new AllergyIntoleranceProvider(reads),
        new ObservationProvider(reads),
        new EncounterProvider(reads),
        new DocumentReferenceProvider(records, access)));
    ServletRegistrationBean<RestfulServer> registration =
        new ServletRegistrationBean<>(server, BASE + "/*");
    registration.setName("fhir");
    registration.setLoadOnStartup(1);
    return registration;
  }
}
