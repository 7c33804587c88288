package br.prontuario.edge.drill.bench;

import java.util.concurrent.ThreadLocalRandom;

/** The clinicians' mix (docs/benchmarks.md): 35 % read patient, 35 % read notes, 20 % write, 10 % search. */
public enum Operation {
  READ_PATIENT("read-patient", 35, true),
  READ_NOTES("read-notes", 35, true),
  WRITE_NOTE("write-note", 20, false),
  SEARCH("search", 10, true);

  private final String label;
  private final int percent;
  private final boolean read;

  Operation(String label, int percent, boolean read) {
    this.label = label;
    this.percent = percent;
    this.read = read;
  }

  public String label() {
    return label;
  }

  public boolean read() {
    return read;
  }

  /** One draw from the mix. */
  static Operation pick() {
    int roll = ThreadLocalRandom.current().nextInt(100);
    for (Operation op : values()) {
      roll -= op.percent;
      if (roll < 0) {
        return op;
      }
    }
    throw new IllegalStateException("the shares add up to 100");
  }
}
