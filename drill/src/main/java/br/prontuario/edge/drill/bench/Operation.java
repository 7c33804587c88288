package br.prontuario.edge.drill.bench;

/**
 * The clinicians' mix (docs/benchmarks.md): 35 % read patient, 35 % read notes, 20 % write, 10 %
 * search. The shares live in the api-load module's simulation; here each operation's label in
 * edgectl's report and its request's name in Gatling's.
 */
public enum Operation {
  READ_PATIENT("read-patient", "read patient"),
  READ_NOTES("read-notes", "read notes"),
  WRITE_NOTE("write-note", "write note"),
  SEARCH("search", "search");

  private final String label;
  private final String gatlingName;

  Operation(String label, String gatlingName) {
    this.label = label;
    this.gatlingName = gatlingName;
  }

  public String label() {
    return label;
  }

  String gatlingName() {
    return gatlingName;
  }
}
