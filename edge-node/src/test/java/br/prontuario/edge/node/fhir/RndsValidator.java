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
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.ValueSet;

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
    ValidationSupportChain chain = new ValidationSupportChain(rnds, packageErrata(context, rnds),
        new DefaultProfileValidationSupport(context),
        new CommonCodeSystemsTerminologyService(context),
        new InMemoryTerminologyServerValidationSupport(context),
        new SnapshotGeneratingValidationSupport(context));
    validator = context.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
  }

  /**
   * Two defects of the 2021 package, compensated from the package's own content so that its
   * rules still apply: (1) BRTipoDocumentoIndividuo enumerates its codes (TAX, HC, ...) under
   * the system {@code http://hl7.org/fhir/ValueSet/identifier-type}, a ValueSet URL no
   * CodeSystem has, so a CodeSystem with exactly the enumerated codes is supplied; (2)
   * BROrgaoExpedidor includes its CodeSystem at version {@code *} (meaning any), which the
   * validator reads as a literal version, so the package's CodeSystem is also offered as "*".
   * Any code outside those lists still fails.
   */
  private static PrePopulatedValidationSupport packageErrata(FhirContext context,
      NpmPackageValidationSupport rnds) {
    PrePopulatedValidationSupport errata = new PrePopulatedValidationSupport(context);
    ValueSet documentTypes = (ValueSet) rnds.fetchValueSet(
        "http://www.saude.gov.br/fhir/r4/ValueSet/BRTipoDocumentoIndividuo-1.0");
    CodeSystem identifierTypes = new CodeSystem();
    ValueSet.ConceptSetComponent include = documentTypes.getCompose().getIncludeFirstRep();
    identifierTypes.setUrl(include.getSystem())
        .setStatus(Enumerations.PublicationStatus.ACTIVE)
        .setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
    include.getConcept().forEach(c -> identifierTypes.addConcept()
        .setCode(c.getCode()).setDisplay(c.getDisplay()));
    errata.addCodeSystem(identifierTypes);
    CodeSystem issuers = ((CodeSystem) rnds.fetchCodeSystem(
        "http://www.saude.gov.br/fhir/r4/CodeSystem/BROrgaoExpedidor")).copy();
    issuers.setVersion("*");
    errata.addCodeSystem(issuers);
    return errata;
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
