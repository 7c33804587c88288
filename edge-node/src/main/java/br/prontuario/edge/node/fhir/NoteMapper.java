package br.prontuario.edge.node.fhir;

import br.prontuario.edge.node.fhir.FhirRecords.NoteRow;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Reference;

/**
 * A clinical note as a DocumentReference whose attachment is the note's text. A correction
 * {@code replaces} the version before it; a replaced version is {@code superseded}.
 */
final class NoteMapper {

  /** The note types (their Portuguese names) and the LOINC document type of each. */
  private static final Map<String, Coding> TYPES = Map.of(
      "anamnese", loinc("10164-2", "History of Present illness Narrative"),
      "evolucao", loinc("11506-3", "Progress note"),
      "prescricao", loinc("57833-6", "Prescription for medication"),
      "exame-fisico", loinc("29545-1", "Physical findings Narrative"),
      "enfermagem", loinc("34746-8", "Nurse Note"),
      "sumario-alta", loinc("18842-5", "Discharge summary"));

  private NoteMapper() {}

  static DocumentReference toFhir(NoteRow row) {
    DocumentReference document = new DocumentReference();
    document.setId(row.id().toString());
    document.getMeta().setVersionId(Integer.toString(row.version()))
        .setLastUpdated(Date.from(row.recordedAt().toInstant()));
    document.setStatus(row.current()
        ? DocumentReferenceStatus.CURRENT : DocumentReferenceStatus.SUPERSEDED);
    document.setType(new CodeableConcept(TYPES.get(row.type()).copy()).setText(row.type()));
    document.setSubject(EntryReads.patient(row.patientId()));
    document.setDate(Date.from(row.recordedAt().toInstant()));
    document.addAuthor(new Reference().setDisplay(row.author()));
    if (row.replacesId() != null) {
      document.addRelatesTo().setCode(DocumentReference.DocumentRelationshipType.REPLACES)
          .setTarget(new Reference("DocumentReference/" + row.replacesId()));
    }
    document.addContent().getAttachment().setContentType("text/plain; charset=utf-8")
        .setLanguage("pt-BR").setData(row.text().getBytes(StandardCharsets.UTF_8));
    return document;
  }

  private static Coding loinc(String code, String display) {
    return new Coding(RndsSystems.LOINC, code, display);
  }
}
