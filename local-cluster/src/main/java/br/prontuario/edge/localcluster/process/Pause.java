package br.prontuario.edge.localcluster.process;

/** Polling pauses for launchers waiting on a real process (tests use Awaitility instead). */
public final class Pause {

  private Pause() {}

  public static void millis(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
