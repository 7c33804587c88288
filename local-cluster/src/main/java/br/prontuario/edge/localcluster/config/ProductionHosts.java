package br.prontuario.edge.localcluster.config;

/** The production addresses {@code edgectl render} writes into the Mac Studios' and witness's files. */
public record ProductionHosts(
    @com.fasterxml.jackson.annotation.JsonProperty("node-a") String nodeA,
    @com.fasterxml.jackson.annotation.JsonProperty("node-b") String nodeB,
    String witness,
    String dataDir,
    String postgresBinDir) {

  public ProductionHosts {
    Check.notBlank(nodeA, "production.node-a");
    Check.notBlank(nodeB, "production.node-b");
    Check.notBlank(witness, "production.witness");
    Check.notBlank(dataDir, "production.dataDir");
    Check.notBlank(postgresBinDir, "production.postgresBinDir");
  }

  public String host(NodeName node) {
    return switch (node) {
      case NODE_A -> nodeA;
      case NODE_B -> nodeB;
      case WITNESS -> witness;
    };
  }
}
