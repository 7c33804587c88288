package br.prontuario.edge.site.bus;

import java.util.HashMap;
import java.util.Map;

/**
 * How every client of the site's Kafka brokers connects (edge-node's relay, edgectl's reader, the
 * tests that play a stranger): TLS against the cluster CA when a trust store is named, with the
 * client's own certificate when a key store is, both as PEM files. The keys are Kafka's documented
 * client settings; this library does not depend on the Kafka client itself.
 */
public final class BusConnection {

  private BusConnection() {}

  /** Where dead webhook deliveries are published, next to the clinical events' topic. */
  public static String deadLetterTopic(String topic) {
    return topic + ".dlq";
  }

  /**
   * A mutable map the caller adds its producer, consumer or admin settings to.
   *
   * @param trustStore the CA certificate (PEM), or null/blank for a clear-text broker (tests)
   * @param keyStore the client's certificate and key in one PEM file, or null/blank for none
   */
  public static Map<String, Object> settings(String bootstrapServers, String clientId, String trustStore,
      String keyStore) {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", bootstrapServers);
    config.put("client.id", clientId);
    if (trustStore != null && !trustStore.isBlank()) {
      config.put("security.protocol", "SSL");
      config.put("ssl.truststore.type", "PEM");
      config.put("ssl.truststore.location", trustStore);
      if (keyStore != null && !keyStore.isBlank()) {
        config.put("ssl.keystore.type", "PEM");
        config.put("ssl.keystore.location", keyStore);
      }
    }
    return config;
  }
}
