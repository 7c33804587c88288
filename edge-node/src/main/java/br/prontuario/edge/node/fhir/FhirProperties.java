package br.prontuario.edge.node.fhir;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The FHIR facade's settings ({@code edge.fhir.*}).
 *
 * @param nationality the BRPais code stated as every patient's nationality: BRIndividuo requires
 *     one and registration does not record it, so the facade states the hospital's default
 *     (10 = Brasil) rather than invent one per patient; docs/integration.md says so.
 */
@Validated
@ConfigurationProperties("edge.fhir")
record FhirProperties(@Pattern(regexp = "\\d{2,3}") String nationality) {

  FhirProperties {
    nationality = nationality == null ? "10" : nationality;
  }
}
