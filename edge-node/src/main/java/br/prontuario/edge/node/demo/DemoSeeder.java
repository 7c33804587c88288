package br.prontuario.edge.node.demo;

import br.prontuario.edge.common.audit.AuditLog;
import br.prontuario.edge.common.problem.DatabaseOutage;
import br.prontuario.edge.common.web.DatabaseOutageHold;
import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.common.user.PasswordHasher;
import br.prontuario.edge.common.user.UserRepository;
import br.prontuario.edge.node.patient.NameKey;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With {@code edge.demo.enabled}, creates the demo physician and the synthetic patients. Safe to
 * run on every start and on both nodes at once: every insert skips what already exists, which is
 * also what makes a retry after a switchover or failover safe.
 */
@Component
class DemoSeeder implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);
  // a node started during a switchover meets the old primary's shutdown (57P01); without the
  // retry that one error ended the whole application (CI, ClinicianAppClusterIT's restore)
  private static final DatabaseOutageHold RETRY =
      new DatabaseOutageHold(Duration.ofMinutes(2), Duration.ofSeconds(1));

  private final DemoProperties demo;
  private final UserRepository users;
  private final PasswordHasher hasher;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final AuditLog audit;
  private final Clock clock;

  DemoSeeder(DemoProperties demo, UserRepository users, PasswordHasher hasher, JdbcTemplate jdbc,
      TransactionTemplate transactions, AuditLog audit, Clock clock) {
    this.demo = demo;
    this.users = users;
    this.hasher = hasher;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!demo.enabled()) {
      return;
    }
    long deadline = RETRY.deadline();
    for (int attempt = 1; ; attempt++) {
      try {
        seed();
        return;
      } catch (RuntimeException e) {
        if (!DatabaseOutage.isTransient(e)) {
          throw e;
        }
        LOG.warn("demo data: database unavailable (attempt {}, {}), retrying in {}", attempt,
            e.getClass().getSimpleName(), RETRY.retryPause());
        if (!RETRY.pauseBeforeRetry(deadline)) {
          throw e;
        }
      }
    }
  }

  private void seed() {
    if (!users.exists(demo.username())) {
      transactions.executeWithoutResult(tx -> {
        if (users.create(demo.username(), Role.PHYSICIAN,
            hasher.hash(demo.password().toCharArray()))) {
          audit.recordAs("system", "system", "user.create", null, demo.username(), null, null);
        }
      });
    }
    int created = 0;
    for (int n = 0; n < demo.patients(); n++) {
      created += seedPatient(n) ? 1 : 0;
    }
    LOG.info("demo data ready: user {}, {} synthetic patients created now", demo.username(),
        created);
  }

  private boolean seedPatient(int n) {
    SyntheticPatients.Synthetic p = SyntheticPatients.number(n);
    UUID id = UUID.nameUUIDFromBytes(("demo-patient-" + n).getBytes());
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    Boolean created = transactions.execute(tx -> {
      int rows = jdbc.update("INSERT INTO patients (id, version, name, name_key, birth_date, sex,"
          + " cpf, cns, created_at, created_by, updated_at, updated_by) VALUES (?, 1, ?,"
          + " ?, ?, ?, ?, ?, ?, 'system', ?, 'system') ON CONFLICT DO NOTHING", id,
          p.name(), NameKey.of(p.name()), p.birthDate(), p.sex(), p.cpf(), p.cns(), now, now);
      if (rows == 0) {
        return false;
      }
      jdbc.update("INSERT INTO patient_versions (patient_id, version, name, birth_date, sex, cpf,"
          + " cns, recorded_at, recorded_by) VALUES (?, 1, ?, ?, ?, ?, ?, ?, 'system')", id,
          p.name(), p.birthDate(), p.sex(), p.cpf(), p.cns(), now);
      audit.recordAs("system", "system", "patient.create", id, id.toString(), null, p);
      return true;
    });
    return Boolean.TRUE.equals(created);
  }
}
