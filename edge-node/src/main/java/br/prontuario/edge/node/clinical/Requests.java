package br.prontuario.edge.node.clinical;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Request bodies of the versioned clinical records, validated before anything is written. */
final class Requests {

  /** Short structured labels: no markup or statement separators. */
  static final String LABEL = "^[^<>;{}\\\\\\p{Cntrl}]*$";

  private Requests() {}

  interface JsonEnum {
    String name();

    @JsonValue
    default String json() {
      return name().toLowerCase().replace('_', '-');
    }
  }

  enum EncounterType implements JsonEnum { OUTPATIENT, INPATIENT, EMERGENCY }

  enum EncounterStatus implements JsonEnum { OPEN, CLOSED }

  record EncounterRequest(@NotNull EncounterType type, @NotNull EncounterStatus status,
      @Size(max = 500) @Pattern(regexp = LABEL) String reason,
      @NotNull OffsetDateTime startedAt, OffsetDateTime endedAt) {

    @AssertTrue(message = "endedAt must follow startedAt, and closed encounters need it")
    boolean isPeriodConsistent() {
      if (endedAt == null) {
        return status != EncounterStatus.CLOSED;
      }
      return startedAt == null || !endedAt.isBefore(startedAt);
    }
  }

  enum VitalType implements JsonEnum {
    HEART_RATE, RESPIRATORY_RATE, SYSTOLIC_PRESSURE, DIASTOLIC_PRESSURE, TEMPERATURE,
    OXYGEN_SATURATION, GLUCOSE, PAIN_SCORE
  }

  /** Units are fixed per type: bpm, irpm, mmHg, mmHg, °C, %, mg/dL, 0-10. */
  record VitalSignRequest(@NotNull VitalType type,
      @NotNull @DecimalMin("0") @DecimalMax("1000") BigDecimal value,
      @NotNull @PastOrPresent OffsetDateTime measuredAt) {}

  enum Severity implements JsonEnum { MILD, MODERATE, SEVERE }

  enum AllergyStatus implements JsonEnum { ACTIVE, INACTIVE, REFUTED }

  record AllergyRequest(@NotBlank @Size(max = 200) @Pattern(regexp = LABEL) String substance,
      @NotNull Severity severity, @Size(max = 500) @Pattern(regexp = LABEL) String reaction,
      @NotNull AllergyStatus status) {}

  enum ProblemStatus implements JsonEnum { ACTIVE, RESOLVED }

  record ProblemRequest(@NotBlank @Size(max = 300) @Pattern(regexp = LABEL) String description,
      @Pattern(regexp = "^[A-Z][0-9]{2}(\\.[0-9]{1,2})?$", message = "a CID-10 code like J18.9")
      String cid10,
      @NotNull ProblemStatus status, @PastOrPresent LocalDate onsetDate) {}

  enum AlertKind implements JsonEnum { SEVERE_ALLERGY, CRITICAL_LAB_VALUE, FALL_RISK, OTHER }

  enum AlertStatus implements JsonEnum { ACTIVE, ACKNOWLEDGED, RESOLVED }

  record AlertRequest(@NotNull AlertKind kind,
      @NotBlank @Size(max = 500) @Pattern(regexp = LABEL) String message,
      @NotNull AlertStatus status) {}
}
