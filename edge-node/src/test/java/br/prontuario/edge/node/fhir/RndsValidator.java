package br.prontuario.edge.node.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HL7's validator (HAPI's FhirInstanceValidator) with the R4 core definitions and the RNDS
 * package committed under test resources (fhir/README.md): no terminology server, so codes of
 * large external systems (LOINC, UCUM) are checked for form, not looked up. Built once per JVM;
 * loading the definitions takes seconds.
 */
final class RndsValidator {

  private static RndsValidator instance;

  private final FhirValidator validator;

  private RndsValidator(FhirContext context) {
    NpmPackageValidationSupport rnds = new NpmPackageValidationSupport(context);
    try {
      rnds.loadPackageFromClasspath("classpath:fhir/rnds-ig-package.tgz");
    } catch (IOException e) {
      throw new UncheckedIOException("the RNDS package is missing from test resources", e);
    }
    ValidationSupportChain chain = new ValidationSupportChain(rnds,
        new DefaultProfileValidationSupport(context),
        new CommonCodeSystemsTerminologyService(context),
        new InMemoryTerminologyServerValidationSupport(context),
        new SnapshotGeneratingValidationSupport(context));
    validator = context.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
  }

  static synchronized RndsValidator get() {
    if (instance == null) {
      instance = new RndsValidator(FhirContext.forR4Cached());
    }
    return instance;
  }

  /** Errors and fatal messages only; warnings and information are allowed. */
  List<String> errors(IBaseResource resource) {
    return validator.validateWithResult(resource).getMessages().stream()
        .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
        .map(RndsValidator::describe)
        .toList();
  }

  private static String describe(SingleValidationMessage m) {
    return m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage();
  }
}
