package br.prontuario.edge.node.patient;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A patient's current demographics. */
record Patient(UUID id, int version, String name, LocalDate birthDate, Sex sex, String cpf,
    String cns, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

  Patient withCpfMasked() {
    return new Patient(id, version, name, birthDate, sex, Cpf.mask(cpf), cns, createdAt,
        updatedAt);
  }
}
