package br.prontuario.edge.cloud.summary;

import java.util.List;

/**
 * What a clinician needs first in an emergency. Medications come from the latest prescription
 * notes: the schema has no separate medication list.
 */
public record EmergencySummary(String mode, ClinicalReader.PatientCard patient,
    List<ClinicalItem> allergies, List<ClinicalItem> problems, List<NoteItem> activeMedications,
    List<ClinicalItem> criticalAlerts, List<NoteItem> lastNotes) {}
