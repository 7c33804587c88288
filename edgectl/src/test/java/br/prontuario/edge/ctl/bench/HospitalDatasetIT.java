package br.prontuario.edge.ctl.bench;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.audit.AuditChainVerifier;
import br.prontuario.edge.testsupport.servers.SharedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * bench api --dataset hospital at a two-thousandth of the size, on a database migrated as
 * edge-node migrates its own: the rows are valid for the schema, the same seed gives the same
 * rows and a second load adds nothing, the audit rows chain onto what was there and verify, and
 * the names have the skew of real Brazilian names.
 */
class HospitalDatasetIT {

  private static final HospitalDataset.Size SIZE = HospitalDataset.Size.hospital().scaled(0.002);
  private static final Instant UNTIL = Instant.parse("2026-12-02T12:00:00Z");

  @Test
  void loadsTheSeedsRowsOnceAndTheAuditChainStillVerifies() throws Exception {
    String url = SharedPostgres.database("hospital_dataset_it");
    Flyway.configure().dataSource(url, "postgres", "").locations(
            "filesystem:" + Path.of("../clinical-common/src/main/resources/db/migration/common").toAbsolutePath(),
            "filesystem:" + Path.of("../edge-node/src/main/resources/db/migration/edge").toAbsolutePath())
        .load().migrate();
    BenchDatabase database = new BenchDatabase(new br.prontuario.edge.site.cluster.ClusterDescriptor.Database(
        url, "postgres", "", "postgres", ""));
    database.clinicians(2); // an audit row before the dataset's: the dataset chains onto it
    List<String> progress = new ArrayList<>();

    HospitalDataset.Loaded first = database.load(new HospitalDataset(7, SIZE, UNTIL), progress::add);
    HospitalDataset.Loaded again = database.load(new HospitalDataset(7, SIZE, UNTIL), progress::add);

    assertThat(SIZE).isEqualTo(new HospitalDataset.Size(1_000, 10_000, 40_000));
    assertThat(first).extracting(HospitalDataset.Loaded::patients, HospitalDataset.Loaded::notes,
        HospitalDataset.Loaded::auditRows).containsExactly(1_000L, 10_000L, 40_000L);
    assertThat(again).extracting(HospitalDataset.Loaded::patients, HospitalDataset.Loaded::notes,
        HospitalDataset.Loaded::auditRows).containsExactly(0L, 0L, 0L);
    assertThat(progress).contains("patients: 1000 of 1000", "audit rows: 40000 of 40000");
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement()) {
      assertThat(new AuditChainVerifier().verify(c)).isInstanceOf(AuditChainVerifier.Intact.class);
      assertThat(one(s, "SELECT count(*) FROM audit_log")).isEqualTo(40_001 + 0L);
      // the same seed, the same people: patient 3 is always the same
      HospitalDataset same = new HospitalDataset(7, SIZE, UNTIL);
      assertThat(text(s, "SELECT name FROM patients WHERE id = '" + same.patientId(3) + "'"))
          .isEqualTo(same.patientName(3));
      assertThat(text(s, "SELECT name_key FROM patients WHERE id = '" + same.patientId(3) + "'"))
          .isEqualTo(HospitalDataset.nameKey(same.patientName(3)));
      // the skew of real names: Maria is the most common first name, then José
      assertThat(text(s, "SELECT split_part(name, ' ', 1) FROM patients GROUP BY 1 ORDER BY count(*)"
          + " DESC LIMIT 1")).isEqualTo("Maria");
      assertThat(one(s, "SELECT count(*) FROM patients WHERE name_key LIKE 'ma%'"))
          .isGreaterThan(one(s, "SELECT count(*) FROM patients WHERE name_key LIKE 'jo%'") / 2);
      // every note belongs to a generated patient; a tenth of the patients hold half the notes
      assertThat(one(s, "SELECT count(*) FROM notes n JOIN patients p ON p.id = n.patient_id"
          + " WHERE p.created_by = 'dataset:7'")).isEqualTo(10_000L);
      assertThat(one(s, "SELECT max(c) FROM (SELECT count(*) c FROM notes GROUP BY patient_id) x"))
          .isGreaterThan(20L);
    }
    assertThat(HospitalDataset.cpf(900_000_002)).isEqualTo("90000000256"); // as edge-node's Cpf.fromBase
  }

  private static long one(Statement s, String sql) throws Exception {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static String text(Statement s, String sql) throws Exception {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
  }
}
