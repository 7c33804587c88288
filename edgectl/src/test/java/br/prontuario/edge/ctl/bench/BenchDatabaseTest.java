package br.prontuario.edge.ctl.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** pgbench (libpq) checks the server as the JDBC URL it was given does. */
class BenchDatabaseTest {

  @Test
  void aVerifyFullUrlGivesPgbenchItsCa() {
    assertThat(BenchDatabase.verifiedCaCertificate("jdbc:postgresql://127.0.0.1:5432,127.0.0.1:5433/"
        + "prontuario?targetServerType=primary&sslmode=verify-full&sslrootcert=/tmp/c/tls/ca.crt"))
        .isEqualTo("/tmp/c/tls/ca.crt");
  }

  @Test
  void aUrlThatDoesNotVerifyLeavesLibpqsDefault() {
    assertThat(BenchDatabase.verifiedCaCertificate("jdbc:postgresql://127.0.0.1:5432/prontuario"))
        .isNull();
    assertThat(BenchDatabase.verifiedCaCertificate(
        "jdbc:postgresql://h:5432/p?sslmode=require&sslrootcert=/tmp/ca.crt")).isNull();
  }
}
