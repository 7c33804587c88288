package br.prontuario.edge.localcluster.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.localcluster.cluster.ClusterSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotationFilesTest {

  @TempDir Path dir;

  @Test
  void aBegunRotationKeepsTheRetiredSecretsUntilItFinishes() throws Exception {
    ClusterSecrets old = ClusterSecrets.loadOrCreate(dir);

    ClusterSecrets retired = RotationFiles.begin(dir);

    assertThat(retired).isEqualTo(old);
    ClusterSecrets current = ClusterSecrets.readFrom(ClusterSecrets.file(dir));
    assertThat(current.appPassword()).isNotEqualTo(old.appPassword());
    assertThat(current.labToken()).isEqualTo(old.labToken());
    Path previous = dir.resolve("secrets.previous.json");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(previous))).isEqualTo("rw-------");
    assertThat(RotationFiles.interrupted(dir)).as("a second run finishes this one").contains(old);

    RotationFiles.finish(dir);

    assertThat(previous).doesNotExist();
    assertThat(RotationFiles.interrupted(dir)).isEmpty();
  }

  @Test
  void aRetiredRecordWrittenBeforeTheNewSecretsMeansNothingWasRotated() {
    ClusterSecrets current = ClusterSecrets.loadOrCreate(dir);
    // what a crash between the two writes of begin() leaves
    current.writeTo(dir.resolve("secrets.previous.json"));

    assertThat(RotationFiles.interrupted(dir)).isEmpty();
    assertThat(dir.resolve("secrets.previous.json")).doesNotExist();
  }

  @Test
  void secretsSharingAnyRotatedPasswordAreNotARotationsTwoSides() {
    ClusterSecrets old = ClusterSecrets.generate();
    ClusterSecrets fresh = old.rotated();

    assertThat(RotationFiles.shareARotatedSecret(old, fresh)).isFalse();
    // one server password left as it was is enough
    ClusterSecrets keptSentinelPeer = new ClusterSecrets(fresh.superuserPassword(),
        fresh.replicationPassword(), fresh.rewindPassword(), fresh.appPassword(),
        fresh.demoPassword(), fresh.jwtSecret(), fresh.patroniRestUser(),
        fresh.patroniRestPassword(), fresh.redisEdgeNodePassword(), fresh.redisReplicaPassword(),
        fresh.redisSentinelPassword(), fresh.redisControllerPassword(), old.sentinelPeerPassword(),
        fresh.ownerPassword(), fresh.labToken(), fresh.redisOperationsPassword());
    assertThat(RotationFiles.shareARotatedSecret(old, keptSentinelPeer)).isTrue();
  }
}
