package br.prontuario.edge.localcluster.process;

/** A required engine is not installed; the message is the one line an operator needs. */
public class MissingBinaryException extends RuntimeException {

  public MissingBinaryException(String binary, String debianPackage, String brewFormula) {
    super(
        "missing '%s': install it with `%s`"
            .formatted(binary, Binaries.installCommand(debianPackage, brewFormula)));
  }
}
