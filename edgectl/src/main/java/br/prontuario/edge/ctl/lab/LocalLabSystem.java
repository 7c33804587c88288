package br.prontuario.edge.ctl.lab;

import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.site.lab.MllpClient;
import br.prontuario.edge.site.tls.ClientTls;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * The local cluster's lab system ({@code LIS@HOSP}): signs each message with its token in MSH-8
 * and sends it over MLLP with TLS to the entry HAProxies, the preferred one first and the next
 * when one cannot be reached, as a lab system with several addresses configured would.
 */
final class LocalLabSystem {

  private final List<String> entries;
  private final String token;
  private final SSLContext tls;
  private final Duration timeout;

  LocalLabSystem(EdgeCluster cluster, Duration timeout) {
    this.entries = cluster.layout().labEntries();
    this.token = cluster.secrets().labToken();
    this.tls = ClientTls.trustingOnly(cluster.tls().caCertificate());
    this.timeout = timeout;
  }

  /** Where it answered, and what. */
  record Delivery(String entry, MllpClient.Ack ack) {}

  /** The ACK of the first entry that answers; an AE or AR is an answer, not retried elsewhere. */
  Delivery send(String message) throws IOException {
    String signed = MllpClient.withSecurity(message, token);
    List<String> failures = new ArrayList<>();
    for (String entry : entries) {
      int colon = entry.lastIndexOf(':');
      try {
        MllpClient client = new MllpClient(entry.substring(0, colon),
            Integer.parseInt(entry.substring(colon + 1)), timeout, tls);
        return new Delivery(entry, client.send(signed));
      } catch (IOException e) {
        failures.add(entry + ": " + e.getMessage());
      }
    }
    throw new IOException("no entry answered (" + String.join("; ", failures) + ")");
  }
}
