package br.prontuario.edge.node.patient;

import com.fasterxml.jackson.annotation.JsonValue;

public enum Sex {
  FEMALE, MALE, INTERSEX, UNKNOWN;

  @JsonValue
  public String json() {
    return name().toLowerCase();
  }
}
