package br.prontuario.edge.node.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import br.prontuario.edge.common.security.ClinicalSecurity;
import br.prontuario.edge.common.security.JwtService;
import br.prontuario.edge.common.security.ProblemSecurityHandlers;
import br.prontuario.edge.common.app.AppProperties;
import br.prontuario.edge.common.app.AppWebSecurity;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The role rule of every endpoint, in one place. Anything not listed is denied. docs/api.md has
 * the same matrix for humans; RoleMatrixTest checks every cell.
 */
@Configuration(proxyBeanMethods = false)
class EdgeSecurityConfig {

  private static final String PHYSICIAN = "PHYSICIAN";
  private static final String NURSE = "NURSE";
  private static final String ADMIN = "ADMIN";
  private static final String AUDITOR = "AUDITOR";
  private static final String IT_OPS = "IT_OPS";

  private static final String PATIENT = "/api/v1/patients/{patientId}";
  private static final String CLINICAL_KINDS = "{kind:encounters|vital-signs|allergies|problems|alerts}";

  @Bean
  SecurityFilterChain api(HttpSecurity http, JwtService jwt, ProblemSecurityHandlers handlers,
      AppProperties app) throws Exception {
    ClinicalSecurity.apply(http, jwt, handlers);
    AppWebSecurity.apply(http, app);
    http.authorizeHttpRequests(a -> a
        // the async dispatch that completes an already authorised streaming answer (chat SSE)
        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
        // open: login, probes, metrics scrape, API description
        .requestMatchers(POST, "/api/v1/auth/login", "/api/v1/auth/refresh",
            "/api/v1/auth/logout").permitAll()
        .requestMatchers(GET, "/health/live", "/health/ready", "/metrics", "/v3/api-docs",
            "/v3/api-docs/**").permitAll()
        .requestMatchers("/error").permitAll()
        // the clinicians' app (clinical-app) and its config: no patient data, open like login
        .requestMatchers(GET, AppWebSecurity.PUBLIC_FILES).permitAll()
        // patients: registration by clinicians and admin staff; auditors read
        .requestMatchers(POST, "/api/v1/patients").hasAnyRole(PHYSICIAN, NURSE, ADMIN)
        .requestMatchers(GET, "/api/v1/patients").hasAnyRole(PHYSICIAN, NURSE, ADMIN, AUDITOR)
        .requestMatchers(GET, PATIENT, PATIENT + "/history")
            .hasAnyRole(PHYSICIAN, NURSE, ADMIN, AUDITOR)
        .requestMatchers(PUT, PATIENT).hasAnyRole(PHYSICIAN, NURSE, ADMIN)
        // notes: clinicians write, auditors read; admin staff see no clinical content
        .requestMatchers(POST, PATIENT + "/notes").hasAnyRole(PHYSICIAN, NURSE)
        .requestMatchers(PUT, PATIENT + "/notes/{noteId}").hasAnyRole(PHYSICIAN, NURSE)
        .requestMatchers(GET, PATIENT + "/notes", PATIENT + "/notes/{noteId}",
            PATIENT + "/notes/{noteId}/history").hasAnyRole(PHYSICIAN, NURSE, AUDITOR)
        // lab results: written only by the labs (MLLP, POST /fhir), read like notes
        .requestMatchers(GET, PATIENT + "/lab-results").hasAnyRole(PHYSICIAN, NURSE, AUDITOR)
        // encounters: admin staff open and close them too
        .requestMatchers(POST, PATIENT + "/encounters").hasAnyRole(PHYSICIAN, NURSE, ADMIN)
        .requestMatchers(PUT, PATIENT + "/encounters/{id}").hasAnyRole(PHYSICIAN, NURSE, ADMIN)
        .requestMatchers(GET, PATIENT + "/encounters", PATIENT + "/encounters/{id}",
            PATIENT + "/encounters/{id}/history").hasAnyRole(PHYSICIAN, NURSE, ADMIN, AUDITOR)
        // problem list: diagnoses are the physician's
        .requestMatchers(POST, PATIENT + "/problems").hasRole(PHYSICIAN)
        .requestMatchers(PUT, PATIENT + "/problems/{id}").hasRole(PHYSICIAN)
        // vital signs, allergies, critical alerts: clinicians write
        .requestMatchers(POST, PATIENT + "/" + CLINICAL_KINDS).hasAnyRole(PHYSICIAN, NURSE)
        .requestMatchers(PUT, PATIENT + "/" + CLINICAL_KINDS + "/{id}")
            .hasAnyRole(PHYSICIAN, NURSE)
        .requestMatchers(GET, PATIENT + "/" + CLINICAL_KINDS,
            PATIENT + "/" + CLINICAL_KINDS + "/{id}",
            PATIENT + "/" + CLINICAL_KINDS + "/{id}/history")
            .hasAnyRole(PHYSICIAN, NURSE, AUDITOR)
        // audit trail: auditors only
        .requestMatchers(GET, "/api/v1/audit/verify", "/api/v1/audit/events").hasRole(AUDITOR)
        // operations: IT staff, no patient data behind these
        .requestMatchers(GET, "/api/v1/ops/status").hasAnyRole(IT_OPS, ADMIN)
        // local AI (docs/inference.md): clinicians dictate and ask; face login is open like
        // password login, enrolment belongs to the signed-in user
        .requestMatchers(POST, "/api/v1/auth/face").permitAll()
        .requestMatchers("/api/v1/auth/face/enrolment").authenticated()
        .requestMatchers(POST, "/api/v1/dictations", "/api/v1/chat", "/api/v1/chat/stream")
            .hasAnyRole(PHYSICIAN, NURSE)
        .anyRequest().denyAll());
    return http.build();
  }
}
