package br.prontuario.edge.ctl.lab;

import br.prontuario.edge.ctl.events.BusReader;
import br.prontuario.edge.drill.bench.LoadAverage;
import br.prontuario.edge.drill.load.ApiResponse;
import br.prontuario.edge.drill.load.EdgeApi;
import br.prontuario.edge.site.cluster.ClusterDescriptor;
import br.prontuario.edge.site.lab.MllpClient;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Sends ORU^R01 messages as the cluster's lab system at a steady rate, each for one of the
 * cluster's patients, and times three things per message from its first send: the ACK (AA comes
 * after the commit the synchronous standby confirmed), the result visible in the records API, and
 * its {@code lab-result.created} event on the Kafka topic (read as a consumer would, each event once).
 * A message nobody acknowledged, or answered AE "send it again" (a failover under way), is resent
 * with the same control id, as a lab does; at the end every acknowledged message is counted in the database: once, with both
 * results, or it is lost or duplicated.
 */
final class LabBench {

  static final int RESULTS_PER_MESSAGE = 2;
  private static final DateTimeFormatter HL7_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
      .withZone(ZoneOffset.ofHours(-3));
  private static final Duration RESEND_PAUSE = Duration.ofMillis(500);
  private static final Duration POLL = Duration.ofMillis(50);

  record Settings(int messages, double perSecond, Duration giveUp) {}

  /**
   * @param resent messages that needed more than one send (no acknowledgment the first time)
   * @param ackMs first send to AA; {@code visibleMs} first send to the result in the records API;
   *     {@code busMs} first send to its event on the topic
   * @param notOnBus acknowledged messages whose event never reached the topic; {@code onBusTwice}
   *     messages with two different events; {@code busCopies} copies of one event (the relay
   *     published a batch again after a failover: expected, consumers drop them)
   */
  record Report(Instant startedAt, Instant finishedAt, int messages, double perSecond,
      int acknowledged, int notAccepted, int neverAcknowledged, int resent, int notVisible,
      Latencies ackMs, Latencies visibleMs, Latencies busMs, int notOnBus, int onBusTwice, int busCopies,
      int lost, int duplicated, Map<String, Integer> byEntry,
      LoadAverage.Figures loadAverage, List<String> problems) {

    boolean clean() {
      return problems.isEmpty();
    }
  }

  private record Patient(String id, String cpf) {}

  private final LocalLabSystem lab;
  private final EdgeApi api;
  private final ClusterDescriptor.Database database;
  private final ClusterDescriptor.Bus bus;

  /** @param bus the cluster's event bus, or null for a cluster without one (no bus figures) */
  LabBench(LocalLabSystem lab, EdgeApi api, ClusterDescriptor.Database database, ClusterDescriptor.Bus bus) {
    this.lab = lab;
    this.api = api;
    this.database = database;
    this.bus = bus;
  }

  Report run(Settings settings, Consumer<String> progress) throws Exception {
    List<Patient> patients = patients();
    if (patients.isEmpty()) {
      throw new IllegalStateException("no patient with a CPF in the cluster (demo data off?)");
    }
    ApiResponse login = api.login();
    if (!login.ok()) {
      throw new IllegalStateException("the demo physician cannot log in: HTTP " + login.status());
    }
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<Double> ack = Collections.synchronizedList(new ArrayList<>());
    List<Double> visible = Collections.synchronizedList(new ArrayList<>());
    Map<String, Integer> byEntry = new ConcurrentHashMap<>();
    List<String> acknowledgedIds = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger notAccepted = new AtomicInteger();
    AtomicInteger never = new AtomicInteger();
    AtomicInteger resent = new AtomicInteger();
    AtomicInteger notVisible = new AtomicInteger();
    Instant started = Instant.now();
    ScheduledExecutorService pool = Executors.newScheduledThreadPool(64);
    List<ScheduledFuture<?>> sends = new ArrayList<>();
    Map<String, Long> dueAt = new ConcurrentHashMap<>();
    BusWatch watch = bus == null ? null : new BusWatch(new BusReader(bus, false), "BENCH-" + run + "-");
    try (LoadAverage load = new LoadAverage()) {
      long periodNanos = (long) (1e9 / settings.perSecond());
      long base = System.nanoTime();
      for (int i = 0; i < settings.messages(); i++) {
        // timed from when the lab meant to send it: a message queued behind slow ones counts its wait
        long due = base + i * periodNanos;
        Patient patient = patients.get(i % patients.size());
        String controlId = "BENCH-" + run + "-" + i;
        String message = oru(patient.cpf(), controlId, i);
        dueAt.put(controlId, due);
        sends.add(pool.schedule(() -> {
          long t0 = due;
          long deadline = t0 + settings.giveUp().toNanos();
          MllpClient.Ack answer = null;
          int attempts = 0;
          while (answer == null && System.nanoTime() < deadline) {
            attempts++;
            try {
              LocalLabSystem.Delivery delivery = lab.send(message);
              byEntry.merge(delivery.entry(), 1, Integer::sum);
              if (asksToResend(delivery.ack())) {
                pause(RESEND_PAUSE); // the commit was not confirmed (a failover): sent again
              } else {
                answer = delivery.ack();
              }
            } catch (IOException e) {
              pause(RESEND_PAUSE);
            }
          }
          if (attempts > 1) {
            resent.incrementAndGet();
          }
          if (answer == null) {
            never.incrementAndGet();
            return;
          }
          if (!answer.accepted()) {
            notAccepted.incrementAndGet();
            return;
          }
          ack.add(millisSince(t0));
          acknowledgedIds.add(controlId);
          while (System.nanoTime() < deadline) {
            if (shows(api.listLabResults(patient.id(), 20), controlId)) {
              visible.add(millisSince(t0));
              return;
            }
            pause(POLL);
          }
          notVisible.incrementAndGet();
        }, due - System.nanoTime(), TimeUnit.NANOSECONDS));
      }
      for (int i = 0; i < sends.size(); i++) {
        sends.get(i).get();
        if ((i + 1) % 100 == 0) {
          progress.accept((i + 1) + " of " + sends.size() + " messages done, " + ack.size()
              + " acknowledged");
        }
      }
      List<Double> onBus = new ArrayList<>();
      int notOnBus = 0;
      if (watch != null) {
        watch.awaitAll(acknowledgedIds, settings.giveUp());
        for (String id : acknowledgedIds) {
          Long arrived = watch.firstArrival(id);
          if (arrived == null) {
            notOnBus++;
          } else {
            onBus.add((arrived - dueAt.get(id)) / 1e6);
          }
        }
      }
      Map<String, Integer> stored = stored("BENCH-" + run + "-");
      int lost = (int) acknowledgedIds.stream().filter(id -> !stored.containsKey(id)).count();
      int duplicated = (int) stored.values().stream().filter(n -> n > RESULTS_PER_MESSAGE).count();
      List<String> problems = new ArrayList<>();
      if (lost > 0) {
        problems.add(lost + " acknowledged messages not in the database");
      }
      if (duplicated > 0) {
        problems.add(duplicated + " messages stored more than once");
      }
      if (notOnBus > 0) {
        problems.add(notOnBus + " acknowledged messages never on the bus within " + settings.giveUp().toSeconds() + " s");
      }
      if (watch != null && watch.twice() > 0) {
        problems.add(watch.twice() + " messages with two different events on the bus");
      }
      if (never.get() + notAccepted.get() + notVisible.get() > 0) {
        problems.add(never.get() + " never acknowledged, " + notAccepted.get() + " not accepted, "
            + notVisible.get() + " never visible in the API within " + settings.giveUp().toSeconds() + " s");
      }
      return new Report(started, Instant.now(), settings.messages(), settings.perSecond(),
          ack.size(), notAccepted.get(), never.get(), resent.get(), notVisible.get(),
          Latencies.of(ack), Latencies.of(visible), Latencies.of(onBus), notOnBus,
          watch == null ? 0 : watch.twice(), watch == null ? 0 : watch.copies(), lost, duplicated,
          new HashMap<>(byEntry), load.figures(), problems);
    } finally {
      pool.shutdownNow();
      if (watch != null) {
        watch.close();
      }
    }
  }

  /**
   * Reads the topic on its own thread from the bench's start, keeping when each of this run's
   * {@code lab-result.created} events first arrived (by control id) and how many distinct events
   * one message had.
   */
  private static final class BusWatch implements AutoCloseable {
    private final BusReader reader;
    private final String prefix;
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final Map<String, Integer> events = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean stop;

    BusWatch(BusReader reader, String prefix) {
      this.reader = reader;
      this.prefix = prefix;
      this.thread = new Thread(this::watch, "bench-lab-bus");
      thread.setDaemon(true);
      thread.start();
    }

    private void watch() {
      while (!stop) {
        long now = System.nanoTime();
        for (BusReader.BusEvent e : reader.poll()) {
          if ("lab-result.created".equals(e.type()) && e.resourceId().startsWith(prefix)) {
            arrivals.putIfAbsent(e.resourceId(), now);
            events.merge(e.resourceId(), 1, Integer::sum);
          }
        }
      }
    }

    void awaitAll(List<String> ids, Duration giveUp) {
      long deadline = System.nanoTime() + giveUp.toNanos();
      while (System.nanoTime() < deadline && !arrivals.keySet().containsAll(ids)) {
        pause(POLL);
      }
    }

    Long firstArrival(String controlId) {
      return arrivals.get(controlId);
    }

    int twice() {
      return (int) events.values().stream().filter(n -> n > 1).count();
    }

    int copies() {
      return reader.duplicates();
    }

    @Override
    public void close() throws InterruptedException {
      stop = true;
      thread.join(5_000);
      reader.close();
    }
  }

  /** Sodium and potassium; every 20th potassium is critical (HH), which raises an alert. */
  static String oru(String cpf, String controlId, int i) {
    String now = HL7_TIME.format(Instant.now());
    boolean critical = i % 20 == 0;
    String potassium = critical ? "6.6" : String.format(Locale.ROOT, "%.1f", 3.6 + (i % 14) / 10.0);
    return String.join("\r",
        "MSH|^~\\&|LIS|HOSP|PRONTUARIO|EDGE|" + now + "||ORU^R01^ORU_R01|" + controlId + "|P|2.5.1",
        "PID|1||" + cpf + "^^^^TAX",
        "OBR|1||" + controlId + "|24326-1^Electrolytes panel^LN|||" + now,
        "OBX|1|NM|2951-2^Sodium [Moles/volume] in Serum or Plasma^LN||" + (136 + i % 8)
            + "|mmol/L|135-145|N|||F|||" + now,
        "OBX|2|NM|2823-3^Potassium [Moles/volume] in Serum or Plasma^LN||" + potassium
            + "|mmol/L|3.5-5.1|" + (critical ? "HH" : "N") + "|||F|||" + now) + "\r";
  }

  /** edge-node's AE for a commit the database did not confirm says "send it again", as labs do. */
  static boolean asksToResend(MllpClient.Ack ack) {
    return ack.code().equals("AE") && ack.raw().contains("send it again");
  }

  private static boolean shows(ApiResponse page, String controlId) {
    if (!page.ok() || page.body() == null || !page.body().has("items")) {
      return false;
    }
    for (var item : page.body().get("items")) {
      if (controlId.equals(item.path("controlId").asString())) {
        return true;
      }
    }
    return false;
  }

  private List<Patient> patients() throws SQLException {
    List<Patient> patients = new ArrayList<>();
    try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
        "SELECT id::text, cpf FROM patients WHERE cpf IS NOT NULL ORDER BY id LIMIT 200");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        patients.add(new Patient(r.getString(1), r.getString(2)));
      }
    }
    return patients;
  }

  /** Result rows per control id of this run. */
  private Map<String, Integer> stored(String prefix) throws SQLException {
    Map<String, Integer> stored = new HashMap<>();
    try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
        "SELECT control_id, count(*) FROM lab_results WHERE control_id LIKE ? GROUP BY control_id")) {
      s.setString(1, prefix + "%");
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          stored.put(r.getString(1), r.getInt(2));
        }
      }
    }
    return stored;
  }

  private Connection connect() throws SQLException {
    String user = database.superuser() != null ? database.superuser() : database.username();
    String password = database.superuser() != null ? database.superuserPassword() : database.password();
    return DriverManager.getConnection(database.jdbcUrl(), user, password);
  }

  private static double millisSince(long t0) {
    return (System.nanoTime() - t0) / 1e6;
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static String text(Report r) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "lab bench: %d ORU^R01 at %.1f/s, %s to %s%n", r.messages(),
        r.perSecond(), r.startedAt(), r.finishedAt()));
    b.append(String.format(Locale.ROOT, "  acknowledged AA: %d (resent at least once: %d), not accepted: %d,"
        + " never acknowledged: %d%n", r.acknowledged(), r.resent(), r.notAccepted(), r.neverAcknowledged()));
    b.append(line("message -> ACK", r.ackMs()));
    b.append(line("message -> visible in /api/v1", r.visibleMs()));
    b.append(line("message -> event on the bus", r.busMs()));
    b.append(String.format(Locale.ROOT, "  lost: %d, stored twice: %d, never visible: %d%n", r.lost(),
        r.duplicated(), r.notVisible()));
    b.append(String.format(Locale.ROOT, "  bus: never on it: %d, two events for one message: %d,"
        + " copies dropped by event id: %d%n", r.notOnBus(), r.onBusTwice(), r.busCopies()));
    b.append(String.format(Locale.ROOT, "  entries used: %s; load average %.1f / %.1f / %.1f (%d CPUs)%n",
        r.byEntry(), r.loadAverage().min(), r.loadAverage().mean(), r.loadAverage().max(),
        r.loadAverage().cpus()));
    b.append(r.clean() ? "  verdict: clean\n" : "  verdict: " + String.join("; ", r.problems()) + "\n");
    return b.toString();
  }

  private static String line(String what, Latencies l) {
    return l.count() == 0 ? "  " + what + ": none\n" : String.format(Locale.ROOT,
        "  %s: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms (%d)%n", what, l.p50(), l.p95(),
        l.p99(), l.max(), l.count());
  }
}
