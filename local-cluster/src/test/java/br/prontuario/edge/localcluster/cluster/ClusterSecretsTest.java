package br.prontuario.edge.localcluster.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class ClusterSecretsTest {

  @TempDir Path dir;

  @Test
  void aFileFromBeforeTheRestCredentialsKeepsItsPasswordsAndGainsTheMissingOnes() throws Exception {
    Path file = dir.resolve("secrets.json");
    Files.writeString(file, """
        {"superuserPassword":"su","replicationPassword":"repl","rewindPassword":"rw",
         "appPassword":"app","demoPassword":"demo","jwtSecret":"c2VjcmV0"}
        """);

    ClusterSecrets loaded = ClusterSecrets.loadOrCreate(dir);

    assertThat(loaded.superuserPassword()).isEqualTo("su");
    assertThat(loaded.jwtSecret()).isEqualTo("c2VjcmV0");
    assertThat(loaded.patroniRestUser()).isEqualTo(ClusterSecrets.PATRONI_REST_USER);
    assertThat(loaded.patroniRestPassword()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(JsonMapper.shared().readTree(file.toFile()).get("patroniRestPassword").asString())
        .as("written back, so the next up and every client agree").isEqualTo(loaded.patroniRestPassword());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(ClusterSecrets.loadOrCreate(dir)).isEqualTo(loaded);
  }

  @Test
  void twoClustersGetDifferentRestPasswords() {
    assertThat(ClusterSecrets.generate().patroniRestPassword())
        .isNotEqualTo(ClusterSecrets.generate().patroniRestPassword());
  }

  @Test
  void rotatedSecretsReplaceEveryPasswordAndTheJwtSecretButThePersonsAndTheLabsOwn() {
    ClusterSecrets old = ClusterSecrets.generate();

    ClusterSecrets fresh = old.rotated();

    assertThat(fresh.appPassword()).isNotEqualTo(old.appPassword()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(java.util.Base64.getDecoder().decode(fresh.jwtSecret())).hasSize(48);
    assertThat(new ClusterSecrets(fresh.superuserPassword(), fresh.replicationPassword(),
        fresh.rewindPassword(), fresh.appPassword(), old.demoPassword(), fresh.jwtSecret(),
        old.patroniRestUser(), fresh.patroniRestPassword(), fresh.redisEdgeNodePassword(),
        fresh.redisReplicaPassword(), fresh.redisSentinelPassword(), fresh.redisControllerPassword(),
        fresh.sentinelPeerPassword(), fresh.ownerPassword(), old.labToken(),
        fresh.redisOperationsPassword())).isEqualTo(fresh);
    // no secret survives a rotation but those two (RotationFiles checks the same list)
    var oldValues = java.util.Set.copyOf(tools.jackson.databind.json.JsonMapper.shared()
        .convertValue(old, java.util.Map.class).values());
    var freshValues = new java.util.HashSet<Object>(tools.jackson.databind.json.JsonMapper.shared()
        .convertValue(fresh, java.util.Map.class).values());
    freshValues.retainAll(oldValues);
    assertThat(freshValues).containsExactlyInAnyOrder(old.demoPassword(), old.labToken(),
        old.patroniRestUser());
    assertThat(fresh.toString()).doesNotContain(fresh.appPassword());
  }

  @Test
  void writtenSecretsAreOwnerOnlyAndReadBackWhole() throws Exception {
    Path file = dir.resolve("secrets.json");
    ClusterSecrets secrets = ClusterSecrets.generate();

    secrets.writeTo(file);
    secrets.rotated().writeTo(file);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(ClusterSecrets.readFrom(file).appPassword()).isNotEqualTo(secrets.appPassword());
    assertThat(dir.resolve("secrets.json.next")).doesNotExist();
  }

  @Test
  void aRetiringJwtSecretIsReadBackUntilItsDeadlineOnly() throws Exception {
    var retiring = new br.prontuario.edge.site.ops.RetiringJwtSecret(ClusterSecrets.generate().jwtSecret(),
        java.time.Instant.parse("2026-12-03T13:00:00Z"));

    RetiringJwtFile.write(dir, retiring);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("jwt-retiring.json"))))
        .isEqualTo("rw-------");
    assertThat(RetiringJwtFile.read(dir, java.time.Instant.parse("2026-12-03T12:59:59Z"))).contains(retiring);
    assertThat(RetiringJwtFile.read(dir, java.time.Instant.parse("2026-12-03T13:00:00Z"))).isEmpty();
    assertThat(RetiringJwtFile.read(dir.resolve("nothing-here"), java.time.Instant.EPOCH)).isEmpty();
  }
}
