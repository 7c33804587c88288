package br.prontuario.edge.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.drill.bench.PgbenchCeiling;
import br.prontuario.edge.testsupport.servers.SharedPostgres;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ceiling half of edgectl bench api: the real pgbench on a real PostgreSQL, parsed. */
class PgbenchCeilingIT {

  @TempDir Path work;

  @Test
  void measuresSynchronousWritesAndReadsWithPercentilesFromPgbenchsOwnLog() {
    URI url = URI.create(SharedPostgres.database("pgbench_ceiling_it").substring("jdbc:".length()));
    PgbenchCeiling ceiling = new PgbenchCeiling(new PgbenchCeiling.Target(url.getHost(),
        url.getPort(), "postgres", "", "pgbench_ceiling_it", null), work);
    ceiling.initialize(1);

    for (String mode : new String[] {"-N", "-S"}) {
      PgbenchCeiling.Result result = ceiling.run(mode, 2, 5);
      assertThat(result.mode()).isEqualTo(mode);
      assertThat(result.clients()).isEqualTo(2);
      assertThat(result.tps()).isPositive();
      // every transaction in pgbench's log, i.e. about tps × seconds
      assertThat(result.transactions()).isBetween((long) (result.tps() * 5 * 0.5),
          (long) (result.tps() * 5 * 1.5) + 10);
      assertThat(result.p50Ms()).isPositive().isLessThanOrEqualTo(result.p95Ms());
      assertThat(result.p95Ms()).isLessThanOrEqualTo(result.p99Ms());
    }
  }
}
