package br.prontuario.edge.site.bus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BusConnectionTest {

  @Test
  void aClientWithACertificateSpeaksTlsAgainstTheClusterCaAndPresentsIt() {
    assertThat(BusConnection.settings("h:9092", "edge-node-node-a", "/tls/ca.crt", "/tls/kafka/edge-node.pem"))
        .containsEntry("bootstrap.servers", "h:9092").containsEntry("client.id", "edge-node-node-a")
        .containsEntry("security.protocol", "SSL")
        .containsEntry("ssl.truststore.type", "PEM").containsEntry("ssl.truststore.location", "/tls/ca.crt")
        .containsEntry("ssl.keystore.type", "PEM").containsEntry("ssl.keystore.location", "/tls/kafka/edge-node.pem");
  }

  @Test
  void withoutAKeyStoreItStillChecksTheBrokersButPresentsNothing() {
    assertThat(BusConnection.settings("h:9092", "stranger", "/tls/ca.crt", null))
        .containsEntry("security.protocol", "SSL").doesNotContainKeys("ssl.keystore.location", "ssl.keystore.type");
  }

  @Test
  void withoutATrustStoreItIsClearTextForATestBroker() {
    assertThat(BusConnection.settings("h:9092", "it", "", ""))
        .doesNotContainKeys("security.protocol", "ssl.truststore.location", "ssl.keystore.location");
  }
}
