package br.prontuario.edge.controller.probe;

import br.prontuario.edge.site.resp.RespClient;
import br.prontuario.edge.site.resp.RespCredentials;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Asks this cluster's Redis Sentinels which address is the master (the site's {@link RespClient});
 * the first Sentinel that answers wins.
 */
public final class SentinelClient {

  private final List<String> sentinels;
  private final String master;
  private final RespClient resp;

  public SentinelClient(List<String> sentinels, String master, Duration timeout) {
    this(sentinels, master, timeout, RespCredentials.NONE);
  }

  /** {@code credentials}: the Sentinels' read-only ACL user. */
  public SentinelClient(List<String> sentinels, String master, Duration timeout,
      RespCredentials credentials) {
    this.sentinels = List.copyOf(sentinels);
    this.master = master;
    this.resp = new RespClient(timeout, credentials);
  }

  /** host:port of the current master, empty when no Sentinel answers. */
  public Optional<String> masterAddress() {
    return resp.masterAddress(sentinels, master);
  }
}
