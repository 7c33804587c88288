package br.prontuario.edge.node.fhir;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import br.prontuario.edge.common.security.ClinicalSecurity;
import br.prontuario.edge.common.security.JwtService;
import br.prontuario.edge.common.security.ProblemSecurityHandlers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The role rule of /fhir, mirroring /api/v1's matrix (EdgeSecurityConfig): the same tokens and
 * 401/403 problems, read-only, and anything not listed is denied. Its own chain, matched before
 * the API's, so the API's rules stay in one file untouched. The one write, a lab's results
 * Bundle, is authenticated by the lab sender's token instead.
 */
@Configuration(proxyBeanMethods = false)
class FhirSecurityConfig {

  private static final String PHYSICIAN = "PHYSICIAN";
  private static final String NURSE = "NURSE";
  private static final String ADMIN = "ADMIN";
  private static final String AUDITOR = "AUDITOR";

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityFilterChain fhir(HttpSecurity http, JwtService jwt, ProblemSecurityHandlers handlers)
      throws Exception {
    ClinicalSecurity.apply(http, jwt, handlers);
    http.securityMatcher(FhirServerConfiguration.BASE + "/**");
    http.authorizeHttpRequests(a -> a
        // the CapabilityStatement holds no patient data; FHIR clients read it first
        .requestMatchers(GET, "/fhir/metadata").permitAll()
        // demographics and encounters: as /api/v1 patients and encounters
        .requestMatchers(GET, "/fhir/Patient", "/fhir/Patient/*", "/fhir/Encounter",
            "/fhir/Encounter/*").hasAnyRole(PHYSICIAN, NURSE, ADMIN, AUDITOR)
        // clinical content: clinicians and auditors, never admin staff
        .requestMatchers(GET, "/fhir/Condition", "/fhir/Condition/*",
            "/fhir/AllergyIntolerance", "/fhir/AllergyIntolerance/*", "/fhir/Observation",
            "/fhir/Observation/*", "/fhir/DocumentReference", "/fhir/DocumentReference/*",
            "/fhir/DiagnosticReport", "/fhir/DiagnosticReport/*")
            .hasAnyRole(PHYSICIAN, NURSE, AUDITOR)
        // a lab's transaction Bundle of results: no user token; the lab sender authenticates
        // with its own token (X-Lab-Sender/X-Lab-Token), checked by LabBundleProvider
        .requestMatchers(POST, "/fhir", "/fhir/").permitAll()
        .anyRequest().denyAll());
    return http.build();
  }
}
