package br.prontuario.edge.localcluster.cloud;

/**
 * The edge database's roles as the cloud standby needs them: the superuser Patroni manages its
 * copy with (it is a physical copy, so the edge's own superuser) and the replication role it
 * streams with.
 */
public record StandbyCredentials(String superuser, String superuserPassword,
    String replicationUser, String replicationPassword) {
}
