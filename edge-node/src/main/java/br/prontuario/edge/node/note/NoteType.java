package br.prontuario.edge.node.note;

import com.fasterxml.jackson.annotation.JsonValue;

/** Kinds of clinical note; the JSON names are the Portuguese terms clinicians use. */
public enum NoteType {
  ANAMNESE("anamnese"),
  EVOLUCAO("evolucao"),
  PRESCRICAO("prescricao"),
  EXAME_FISICO("exame-fisico"),
  ENFERMAGEM("enfermagem"),
  SUMARIO_ALTA("sumario-alta");

  private final String json;

  NoteType(String json) {
    this.json = json;
  }

  @JsonValue
  public String json() {
    return json;
  }

  static NoteType fromJson(String value) {
    for (NoteType type : values()) {
      if (type.json.equals(value)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown note type");
  }
}
