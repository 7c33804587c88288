package br.prontuario.edge.ctl.bench;

import br.prontuario.edge.drill.load.ApiResponse;
import br.prontuario.edge.drill.load.EdgeApi;
import br.prontuario.edge.drill.scenario.ClusterControl;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Time from tapping "salvar" to "salvo" during a primary crash: the app is on a new-note form,
 * the active node's processes are killed (the drill's primary-crash fault, through
 * {@link ClusterControl}) and "salvar" is tapped at once; the outbox retries until the promoted
 * node acknowledges. Each run then restarts the killed node and waits for a whole cluster.
 */
final class AppSaveBench {

  /** A run that could not be measured; the bench stops there. */
  static final class Aborted extends Exception {
    Aborted(String message) {
      super(message);
    }
  }

  static final Duration HEALTHY = Duration.ofMinutes(5);
  static final Duration SAVED = Duration.ofMinutes(3);
  private static final Duration READ_BACK = Duration.ofSeconds(60);

  private final ClusterControl cluster;
  private final EdgeApi api;
  private final String entrypoint;
  private final Path screenshots;
  private final Consumer<String> progress;

  AppSaveBench(ClusterControl cluster, EdgeApi api, URI entrypoint, Path screenshots,
      Consumer<String> progress) {
    this.cluster = cluster;
    this.api = api;
    this.entrypoint = entrypoint.toString().replaceAll("/+$", "");
    this.screenshots = screenshots;
    this.progress = progress;
  }

  SaveTimes run(BenchPhone phone, String username, String password, int runs) throws Aborted {
    awaitHealthy("before the first run");
    String patientId = createPatient();
    List<Double> seconds = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      phone.signIn(entrypoint, username, password);
      String text = "Nota do benchmark, execução " + run + " (" + UUID.randomUUID() + ").";
      phone.prepareNote(entrypoint, patientId, text);
      String leader = cluster.leader();
      if (leader == null) {
        throw new Aborted("no leader before run " + run);
      }
      progress.accept("run " + run + ": killing " + leader + ", then tapping salvar");
      cluster.kill(leader);
      try {
        phone.tapSave(text);
        double took = phone.awaitSaved(SAVED);
        phone.screenshot(screenshots.resolve("app-save-" + run + ".png")); // what the clinician saw
        if (took < 0) {
          throw new Aborted("run " + run + ": the note did not show \"salvo\" within " + SAVED.toSeconds() + " s");
        }
        long stored = storedCopies(patientId, text);
        progress.accept(String.format(java.util.Locale.ROOT, "run %d: salvo after %.2f s (%d stored)", run, took, stored));
        if (stored != 1) {
          throw new Aborted("run " + run + ": the server holds the note " + stored + " times, not once");
        }
        seconds.add(took);
      } finally {
        cluster.start(leader); // an aborted run leaves the cluster whole too
      }
      awaitHealthy("after run " + run);
    }
    return new SaveTimes(seconds);
  }

  /**
   * A fresh cluster on a loaded machine may time out or answer 503 for a while (pools, Sentinel):
   * retried with the same Idempotency-Key, so it is one patient however many tries it takes.
   */
  private String createPatient() throws Aborted {
    String key = UUID.randomUUID().toString();
    String name = "Bench Salvar " + letters(8);
    long deadline = System.nanoTime() + HEALTHY.toNanos();
    ApiResponse patient;
    do {
      patient = api.createPatient(name, "1970-01-01", "female", key);
      if (patient.ok()) {
        return patient.createdId();
      }
      if (patient.status() >= 400 && patient.status() < 500) {
        break; // refused: retrying would not help
      }
      pause(Duration.ofSeconds(2));
    } while (System.nanoTime() < deadline);
    throw new Aborted("could not create the bench patient: " + patient);
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Patient names take letters only. */
  private static String letters(int count) {
    StringBuilder name = new StringBuilder();
    java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
    for (int i = 0; i < count; i++) {
      name.append((char) ('a' + random.nextInt(26)));
    }
    return name.toString();
  }

  /**
   * How many notes hold the text, read right after the failover: the read is retried while the
   * entry point still settles (a timeout or a 503), -1 when it never answered.
   */
  private long storedCopies(String patientId, String text) {
    long deadline = System.nanoTime() + READ_BACK.toNanos();
    ApiResponse notes = api.listNotes(patientId, 200, null);
    while (!notes.ok() && (notes.status() == 0 || notes.status() >= 500)
        && System.nanoTime() < deadline) {
      pause(Duration.ofSeconds(1));
      notes = api.listNotes(patientId, 200, null);
    }
    if (!notes.ok()) {
      return -1;
    }
    long copies = 0;
    for (var note : notes.body().path("items")) {
      if (text.equals(note.path("text").asString())) {
        copies++;
      }
    }
    return copies;
  }

  private void awaitHealthy(String when) throws Aborted {
    String problem = cluster.awaitHealthy(HEALTHY);
    if (problem != null) {
      throw new Aborted("cluster not healthy " + when + ": " + problem);
    }
  }
}
