package br.prontuario.edge.cloud.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import br.prontuario.edge.common.app.AppProperties;
import br.prontuario.edge.common.app.AppWebSecurity;
import br.prontuario.edge.common.security.ClinicalSecurity;
import br.prontuario.edge.common.security.JwtService;
import br.prontuario.edge.common.security.ProblemSecurityHandlers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Emergency mode's role rules, in one place: clinicians (physician, nurse) use the emergency
 * functions, auditors read the audit trail, IT staff run the replication and failback endpoints.
 * The same tokens and roles as edge-node (clinical-common); the same app, whose files are public.
 * Anything unlisted is denied.
 */
@Configuration(proxyBeanMethods = false)
class CloudSecurityConfig {

  private static final String PHYSICIAN = "PHYSICIAN";
  private static final String NURSE = "NURSE";
  private static final String AUDITOR = "AUDITOR";
  private static final String IT_OPS = "IT_OPS";
  private static final String PATIENT = "/api/v1/patients/{patientId}";

  @Bean
  SecurityFilterChain api(HttpSecurity http, JwtService jwt, ProblemSecurityHandlers handlers,
      AppProperties app) throws Exception {
    ClinicalSecurity.apply(http, jwt, handlers);
    AppWebSecurity.apply(http, app);
    http.authorizeHttpRequests(a -> a
        // username/password only: no face login in emergency mode
        .requestMatchers(POST, "/api/v1/auth/login", "/api/v1/auth/refresh",
            "/api/v1/auth/logout").permitAll()
        .requestMatchers(GET, "/health/live", "/health/ready", "/metrics").permitAll()
        // the clinicians' app (clinical-app) and its config: no patient data, open like login
        .requestMatchers(GET, AppWebSecurity.PUBLIC_FILES).permitAll()
        .requestMatchers("/error").permitAll()
        .requestMatchers(GET, "/api/v1/patients", PATIENT, PATIENT + "/summary", PATIENT + "/alerts",
            PATIENT + "/notes").hasAnyRole(PHYSICIAN, NURSE)
        .requestMatchers(POST, PATIENT + "/alerts", PATIENT + "/alerts/{alertId}/acknowledgement",
            PATIENT + "/notes", PATIENT + "/chat").hasAnyRole(PHYSICIAN, NURSE)
        .requestMatchers(GET, "/api/v1/audit/verify", "/api/v1/audit/events").hasRole(AUDITOR)
        .requestMatchers("/api/v1/ops/**").hasRole(IT_OPS)
        // everything else under the API: any signed-in user learns it is not offered here
        .requestMatchers("/api/v1/**").authenticated()
        .anyRequest().denyAll());
    return http.build();
  }
}
