package br.prontuario.edge.node.fhir;

/** The canonical URLs the facade writes and accepts, in one place. */
final class RndsSystems {

  private RndsSystems() {}

  static final String RNDS = "http://www.saude.gov.br/fhir/r4/";
  static final String BR_INDIVIDUO = RNDS + "StructureDefinition/BRIndividuo-1.0";
  static final String BR_PAIS_EXTENSION = RNDS + "StructureDefinition/BRPais-1.0";
  static final String BR_PAIS = RNDS + "CodeSystem/BRPais";

  /**
   * BRDocumentoIndividuo forbids Identifier.system and types the document instead, with codes
   * of this (sic) system: TAX = CPF, HC = CNS.
   */
  static final String DOCUMENT_TYPE = "http://hl7.org/fhir/ValueSet/identifier-type";

  /** The RNDS naming systems, accepted in {@code Patient?identifier=system|value}. */
  static final String CPF = "http://rnds.saude.gov.br/fhir/r4/NamingSystem/cpf";
  static final String CNS = "http://rnds.saude.gov.br/fhir/r4/NamingSystem/cns";

  static final String LOINC = "http://loinc.org";
  static final String UCUM = "http://unitsofmeasure.org";
  static final String CID10 = "http://www.saude.gov.br/fhir/r4/CodeSystem/BRCID10";
  static final String OBSERVATION_CATEGORY =
      "http://terminology.hl7.org/CodeSystem/observation-category";
  static final String CONDITION_CLINICAL =
      "http://terminology.hl7.org/CodeSystem/condition-clinical";
  static final String CONDITION_CATEGORY =
      "http://terminology.hl7.org/CodeSystem/condition-category";
  static final String ALLERGY_CLINICAL =
      "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
  static final String ALLERGY_VERIFICATION =
      "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";
  static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  static final String INTERPRETATION =
      "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
  static final String DIAGNOSTIC_SERVICE = "http://terminology.hl7.org/CodeSystem/v2-0074";
}
