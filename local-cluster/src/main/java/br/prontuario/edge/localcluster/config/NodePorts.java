package br.prontuario.edge.localcluster.config;

/**
 * Local loopback ports of one node's processes; 0 = automatic. The witness uses only etcd and
 * sentinel. {@code mllp} is the edge-node's HL7 v2 listener for lab results (the lab systems reach
 * it through the entry HAProxies' lab port). Every box, the witness included, runs a Kafka broker
 * that is also one of the three KRaft controllers: {@code kafka} for clients and the other brokers,
 * {@code kafkaController} for the controllers' quorum.
 */
public record NodePorts(
    int etcdClient, int etcdPeer, int patroniRest, int postgres, int redis, int sentinel, int app,
    int mllp, int kafka, int kafkaController) {

  void validate(NodeName node) {
    String prefix = "nodes." + node.id() + ".";
    Check.port(etcdClient, prefix + "etcdClient");
    Check.port(etcdPeer, prefix + "etcdPeer");
    Check.port(sentinel, prefix + "sentinel");
    Check.port(patroniRest, prefix + "patroniRest");
    Check.port(postgres, prefix + "postgres");
    Check.port(redis, prefix + "redis");
    Check.port(app, prefix + "app");
    Check.port(mllp, prefix + "mllp");
    Check.port(kafka, prefix + "kafka");
    Check.port(kafkaController, prefix + "kafkaController");
    if (!node.isDataNode()) {
      Check.that(patroniRest == 0 && postgres == 0 && redis == 0 && app == 0 && mllp == 0,
          "nodes.%s runs only etcd, a sentinel and a Kafka broker; remove its patroniRest/postgres/redis/app/mllp ports",
          node.id());
    }
  }
}
