package br.prontuario.edge.node.clinical;

/** The versioned clinical records kept in {@code clinical_entries}; the value is the URL segment. */
enum EntryKind {
  ENCOUNTER("encounters"),
  VITAL_SIGN("vital-signs"),
  ALLERGY("allergies"),
  PROBLEM("problems"),
  ALERT("alerts");

  private final String segment;

  EntryKind(String segment) {
    this.segment = segment;
  }

  String segment() {
    return segment;
  }

  /** The audit action prefix, e.g. "allergy". */
  String auditName() {
    return name().toLowerCase().replace('_', '-');
  }
}
