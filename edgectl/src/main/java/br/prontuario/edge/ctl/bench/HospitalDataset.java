package br.prontuario.edge.ctl.bench;

import br.prontuario.edge.common.audit.AuditChain;
import br.prontuario.edge.common.audit.AuditEvent;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * A hospital's volume for {@code edgectl bench api --dataset hospital}: patients with Brazilian
 * name frequencies, their notes over two years, and the audit rows their reading left, all drawn
 * from one seed, so the same seed gives the same rows. Loaded with COPY in chunks of their own
 * transactions (the API keeps serving meanwhile; the audit rows chain onto whatever it appended),
 * and only what is missing: a second run with the same seed and size adds nothing.
 */
final class HospitalDataset {

  /** Created-by of every generated patient and author prefix of every note: easy to tell apart. */
  static final String ORIGIN = "dataset";
  private static final int CHUNK = 50_000;
  /** 2010 census (IBGE), most frequent first names, thousands of people: a realistic skew. */
  private static final Weighted FIRST = new Weighted(new String[] {"Maria", "José", "Ana", "João",
      "Antônio", "Francisco", "Carlos", "Paulo", "Pedro", "Lucas", "Luiz", "Marcos", "Luís",
      "Gabriel", "Rafael", "Francisca", "Daniel", "Marcelo", "Bruno", "Eduardo", "Felipe",
      "Raimundo", "Rodrigo", "Antônia", "Adriana", "Juliana", "Márcia", "Fernanda", "Patrícia",
      "Aline", "Sandra", "Camila", "Amanda", "Bruna", "Jéssica", "Letícia", "Júlia", "Luciana",
      "Vanessa", "Mariana"}, new int[] {11734, 5755, 3089, 2985, 2577, 1773, 1490, 1423, 1220,
      1128, 1121, 1107, 936, 933, 816, 727, 712, 693, 668, 632, 614, 611, 599, 589, 566, 563,
      555, 549, 547, 517, 509, 507, 505, 491, 489, 436, 431, 428, 425, 423});
  /** Most frequent surnames (share of the population, per mille). */
  private static final Weighted LAST = new Weighted(new String[] {"Silva", "Santos", "Oliveira",
      "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes", "Costa", "Ribeiro",
      "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes", "Vieira", "Barbosa",
      "Rocha", "Dias", "Nascimento", "Andrade", "Moreira", "Nunes", "Marques", "Machado", "Mendes",
      "Freitas", "Cardoso", "Ramos", "Gonçalves", "Santana", "Teixeira"}, new int[] {105, 68, 52,
      44, 33, 31, 30, 30, 26, 24, 22, 20, 19, 18, 16, 15, 15, 15, 14, 14, 12, 12, 11, 11, 10, 10,
      10, 9, 9, 9, 9, 8, 8, 8, 8});
  private static final String[] NOTE_TYPES = {"evolucao", "evolucao", "evolucao", "enfermagem",
      "enfermagem", "anamnese", "prescricao", "exame-fisico", "sumario-alta"};
  private static final String[] NOTE_TEXTS = {
      "Paciente estável, sem queixas. Mantida conduta.",
      "Refere dor abdominal leve, sem febre. Solicitados exames laboratoriais.",
      "Sinais vitais dentro da normalidade. Aceitando dieta.",
      "Queixa de cefaleia desde ontem; orientado repouso e analgesia.",
      "Dispneia aos médios esforços, saturação 94% em ar ambiente. Reavaliar em 6 horas.",
      "Ferida operatória limpa e seca, sem sinais flogísticos."};
  /** The audit rows' actions in the clinicians' mix's proportions. */
  private static final String[] READ_ACTIONS = {"patient.read", "patient.read", "patient.read",
      "note.list", "note.list", "note.list", "note.read", "patient.search"};

  record Size(int patients, int notes, long auditRows) {

    static Size hospital() {
      return new Size(500_000, 5_000_000, 20_000_000);
    }

    Size scaled(double factor) {
      return new Size((int) Math.max(1, patients * factor), (int) Math.max(1, notes * factor),
          (long) Math.max(1, auditRows * factor));
    }
  }

  /** What one load added (zero when the seed's rows were all there) and how long it took. */
  record Loaded(long patients, long notes, long auditRows, double seconds) {}

  private final long seed;
  private final Size size;
  private final Instant until;

  /** @param until the newest note and audit row; the history reaches two years back from it */
  HospitalDataset(long seed, Size size, Instant until) {
    this.seed = seed;
    this.size = size;
    this.until = until.truncatedTo(ChronoUnit.MICROS);
  }

  /** Patient {@code n} of this seed: the same id, name, birth date and CPF every time. */
  UUID patientId(int n) {
    return UUID.nameUUIDFromBytes(("dataset-" + seed + "-patient-" + n).getBytes());
  }

  String patientName(int n) {
    SplittableRandom r = random("name", n);
    String name = FIRST.pick(r) + " " + LAST.pick(r) + " " + LAST.pick(r);
    return r.nextInt(4) == 0 ? name.replaceFirst(" ", " " + FIRST.pick(r) + " ") : name;
  }

  /** Loads what is missing on {@code connection} (a superuser or the schema's owner). */
  Loaded load(Connection connection, Consumer<String> progress) throws SQLException {
    long started = System.nanoTime();
    connection.setAutoCommit(false);
    String origin = ORIGIN + ":" + seed;
    long patients = count(connection, "SELECT count(*) FROM patients WHERE created_by = ?", origin);
    long notes = count(connection, "SELECT count(*) FROM notes WHERE author LIKE ?", origin + "-%");
    long audits = count(connection, "SELECT count(*) FROM audit_log WHERE actor LIKE ?", origin + "-%");
    long addedPatients = 0;
    for (int from = (int) patients; from < size.patients(); from += CHUNK) {
      int to = Math.min(size.patients(), from + CHUNK);
      addedPatients += copyPatients(connection, from, to);
      progress.accept("patients: " + to + " of " + size.patients());
    }
    long addedNotes = 0;
    for (long from = notes; from < size.notes(); from += CHUNK * 2L) {
      int to = (int) Math.min(size.notes(), from + CHUNK * 2L);
      addedNotes += copyNotes(connection, (int) from, to);
      progress.accept("notes: " + to + " of " + size.notes());
    }
    long addedAudit = 0;
    for (long from = audits; from < size.auditRows(); from += CHUNK * 4L) {
      long to = Math.min(size.auditRows(), from + CHUNK * 4L);
      addedAudit += appendAudit(connection, from, to);
      progress.accept("audit rows: " + to + " of " + size.auditRows());
    }
    try (PreparedStatement analyze = connection.prepareStatement(
        "ANALYZE patients; ANALYZE notes; ANALYZE audit_log")) {
      connection.setAutoCommit(true);
      analyze.execute();
    }
    return new Loaded(addedPatients, addedNotes, addedAudit, (System.nanoTime() - started) / 1e9);
  }

  private static long count(Connection c, String sql, String value) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, value);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private long copyPatients(Connection c, int from, int to) throws SQLException {
    StringBuilder patients = new StringBuilder();
    StringBuilder versions = new StringBuilder();
    String by = ORIGIN + ":" + seed;
    for (int n = from; n < to; n++) {
      SplittableRandom r = random("patient", n);
      String name = patientName(n);
      String birth = LocalDate.of(1930, 1, 1).plusDays(r.nextInt(33_000)).toString();
      String sex = r.nextBoolean() ? "female" : "male";
      String cpf = cpf(800_000_000 + n);
      String created = until.minus(Duration.ofDays(730)).plusSeconds(r.nextLong(63_000_000))
          .atOffset(ZoneOffset.UTC).toString();
      UUID id = patientId(n);
      row(patients, id, 1, name, nameKey(name), birth, sex, cpf, null, created, by, created, by);
      row(versions, id, 1, name, birth, sex, cpf, null, created, by);
    }
    copy(c, "COPY patients (id, version, name, name_key, birth_date, sex, cpf, cns, created_at,"
        + " created_by, updated_at, updated_by) FROM STDIN", patients);
    copy(c, "COPY patient_versions (patient_id, version, name, birth_date, sex, cpf, cns,"
        + " recorded_at, recorded_by) FROM STDIN", versions);
    c.commit();
    return to - from;
  }

  /** Note {@code i} belongs to a patient drawn with a skew: a few patients have long records. */
  private long copyNotes(Connection c, int from, int to) throws SQLException {
    StringBuilder notes = new StringBuilder();
    for (int i = from; i < to; i++) {
      SplittableRandom r = random("note", i);
      int patient = skewedPatient(r);
      UUID id = UUID.nameUUIDFromBytes(("dataset-" + seed + "-note-" + i).getBytes());
      String recorded = until.minusSeconds(r.nextLong(63_072_000)).atOffset(ZoneOffset.UTC).toString();
      row(notes, id, id, 1, patientId(patient), NOTE_TYPES[r.nextInt(NOTE_TYPES.length)],
          NOTE_TEXTS[r.nextInt(NOTE_TEXTS.length)], author(r), r.nextInt(3) == 0 ? "nurse" : "physician",
          recorded);
    }
    copy(c, "COPY notes (id, root_id, version, patient_id, type, text, author, author_role,"
        + " recorded_at) FROM STDIN", notes);
    c.commit();
    return to - from;
  }

  private long appendAudit(Connection c, long from, long to) throws SQLException {
    List<AuditChain.Stamped> events = new ArrayList<>((int) (to - from));
    long span = Duration.ofDays(730).toSeconds();
    for (long i = from; i < to; i++) {
      SplittableRandom r = random("audit", i);
      String action = READ_ACTIONS[r.nextInt(READ_ACTIONS.length)];
      UUID patient = action.equals("patient.search") ? null : patientId(skewedPatient(r));
      // the rows go forward in time, as a real history does
      Instant at = until.minusSeconds(span).plusSeconds(span * i / size.auditRows());
      events.add(new AuditChain.Stamped(at, new AuditEvent(author(r), "physician", action,
          patient, patient == null ? null : patient.toString(), new UUID(seed, i).toString(),
          null, null)));
    }
    AuditChain.copyAppend(c, events);
    c.commit();
    return to - from;
  }

  private String author(SplittableRandom r) {
    return ORIGIN + ":" + seed + "-" + String.format(Locale.ROOT, "%03d", r.nextInt(200));
  }

  /** Half the draws go to the first tenth of the patients (the chronically ill, inpatients). */
  private int skewedPatient(SplittableRandom r) {
    return r.nextBoolean() ? r.nextInt(Math.max(1, size.patients() / 10)) : r.nextInt(size.patients());
  }

  private SplittableRandom random(String what, long n) {
    return new SplittableRandom(seed * 1_000_003L + what.hashCode() * 7_919L + n * 104_729L);
  }

  /** The same key as edge-node's NameKey: accents and case dropped, spaces collapsed. */
  static String nameKey(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
  }

  /** A valid CPF (two mod-11 check digits) from nine base digits. */
  static String cpf(int base) {
    String digits = String.format("%09d", base);
    digits += checkDigit(digits, 9);
    return digits + checkDigit(digits, 10);
  }

  private static int checkDigit(String digits, int length) {
    int sum = 0;
    for (int i = 0; i < length; i++) {
      sum += (digits.charAt(i) - '0') * (length + 1 - i);
    }
    int rest = (sum * 10) % 11;
    return rest == 10 ? 0 : rest;
  }

  private static void row(StringBuilder out, Object... fields) {
    for (int i = 0; i < fields.length; i++) {
      out.append(i == 0 ? "" : "\t").append(fields[i] == null ? "\\N" : fields[i].toString());
    }
    out.append('\n');
  }

  private static void copy(Connection c, String sql, StringBuilder rows) throws SQLException {
    try {
      new CopyManager(c.unwrap(BaseConnection.class)).copyIn(sql, new StringReader(rows.toString()));
    } catch (IOException e) {
      throw new SQLException("COPY failed: " + e.getMessage(), e);
    }
  }

  /** Names and their weights; a pick follows the weights. */
  private record Weighted(String[] names, int[] weights) {

    String pick(SplittableRandom r) {
      int total = 0;
      for (int w : weights) {
        total += w;
      }
      int x = r.nextInt(total);
      for (int i = 0; i < names.length; i++) {
        x -= weights[i];
        if (x < 0) {
          return names[i];
        }
      }
      return names[names.length - 1];
    }
  }
}
