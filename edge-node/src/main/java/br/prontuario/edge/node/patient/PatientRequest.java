package br.prontuario.edge.node.patient;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;

/** Demographics as sent by clients, for creation and for corrections. */
record PatientRequest(
    @NotNull @Pattern(regexp = NAME, message = "letters, spaces, apostrophes, dots and hyphens")
    String name,
    @NotNull @Past LocalDate birthDate,
    @NotNull Sex sex,
    String cpf,
    String cns) {

  static final String NAME = "^(?=.{2,200}$)[\\p{L}\\p{M}][\\p{L}\\p{M}' .-]*$";

  @AssertTrue(message = "must be 11 digits with valid check digits")
  boolean isCpfValid() {
    return cpf == null || Cpf.isValid(cpf);
  }

  @AssertTrue(message = "must be 15 digits with a valid checksum")
  boolean isCnsValid() {
    return cns == null || Cns.isValid(cns);
  }

  @AssertTrue(message = "must be after 1900-01-01")
  boolean isBirthDatePlausible() {
    return birthDate == null || birthDate.isAfter(LocalDate.of(1900, 1, 1));
  }
}
