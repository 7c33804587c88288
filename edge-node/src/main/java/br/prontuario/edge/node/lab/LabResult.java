package br.prontuario.edge.node.lab;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One lab result as the records API shows it: a row of {@code lab_results}, never changed (a
 * corrected result arrives as a new message with status {@code C}).
 *
 * @param critical the abnormal flag is a panic value (HH, LL, AA): the patient's critical alert
 *     was raised with it
 * @param sender the lab system ({@code LIS@HOSP}) and {@code controlId} its message id
 */
public record LabResult(UUID id, UUID patientId, String code, String codeSystem, String name,
    String value, BigDecimal numericValue, String unit, String referenceRange, String abnormalFlag,
    boolean critical, String status, OffsetDateTime observedAt, OffsetDateTime recordedAt,
    String sender, String controlId) {}
