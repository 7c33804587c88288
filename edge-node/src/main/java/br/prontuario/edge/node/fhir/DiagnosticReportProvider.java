package br.prontuario.edge.node.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.IdType;

/** DiagnosticReport: one per lab message, pointing at its results' Observations. */
class DiagnosticReportProvider implements IResourceProvider {

  private final LabResultReads lab;
  private final FhirAccess access;

  DiagnosticReportProvider(LabResultReads lab, FhirAccess access) {
    this.lab = lab;
    this.access = access;
  }

  @Override
  public Class<DiagnosticReport> getResourceType() {
    return DiagnosticReport.class;
  }

  @Read
  public DiagnosticReport read(@IdParam IdType id) {
    UUID uuid = FhirAccess.idOf(id);
    LabResultReads.ReportRow row = lab.report(uuid).orElseThrow(() -> new ResourceNotFoundException(id));
    access.audit("DiagnosticReport", "read", row.patientId(), uuid);
    return LabResultMapper.toReport(row);
  }

  @Search
  public List<DiagnosticReport> byPatient(@RequiredParam(name = "patient") ReferenceParam patient) {
    UUID patientId = FhirAccess.patientOf(patient.getValue());
    List<LabResultReads.ReportRow> rows = lab.reports(patientId);
    access.audit("DiagnosticReport", "search", patientId, null);
    return rows.stream().map(LabResultMapper::toReport).toList();
  }
}
