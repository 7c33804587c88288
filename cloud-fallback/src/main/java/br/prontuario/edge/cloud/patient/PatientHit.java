package br.prontuario.edge.cloud.patient;

import java.time.LocalDate;
import java.util.UUID;

/** A search result: enough to pick the right patient at the bedside. */
record PatientHit(UUID id, String name, LocalDate birthDate, String sex) {}
