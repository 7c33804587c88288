package br.prontuario.edge.controller.election;

import br.prontuario.edge.site.etcd.EtcdGateway;
import br.prontuario.edge.site.tls.ClientTls;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Leadership as a key in etcd written only if absent and bound to a lease: whoever created it leads
 * while it keeps the lease alive. A leader that cannot renew stops acting a third of the TTL before
 * etcd could hand the key to someone else, so two replicas never act at once.
 */
public final class EtcdLeadership implements Leadership {

  private static final Logger log = LoggerFactory.getLogger(EtcdLeadership.class);

  private final EtcdGateway etcd;
  private final String identity;
  private final String key;
  private final Duration ttl;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private volatile String leaseId;
  private volatile Instant leaderUntil = Instant.MIN;
  private volatile String holder;
  private volatile Instant holderSeenAt = Instant.MIN;
  private static final String STALE = "(expiring lease)";

  public EtcdLeadership(List<String> endpoints, String identity, String key, Duration ttl, JsonMapper json, Clock clock) {
    this(endpoints, null, identity, key, ttl, json, clock);
  }

  /** {@code tls}: the client certificate an etcd serving https asks for; null for none. */
  public EtcdLeadership(List<String> endpoints, ClientTls tls, String identity, String key, Duration ttl,
      JsonMapper json, Clock clock) {
    this.etcd = new EtcdGateway(endpoints, tls, json, Duration.ofMillis(Math.max(500, ttl.toMillis() / 5)));
    this.identity = identity;
    this.key = key;
    this.ttl = ttl;
    this.clock = clock;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "etcd-leadership");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public void start() {
    scheduler.scheduleWithFixedDelay(this::round, 0, ttl.toMillis() / 3, TimeUnit.MILLISECONDS);
  }

  /** One renewal round: keep (or get) a lease, then claim the key if nobody holds it. */
  void round() {
    Instant started = clock.instant();
    if (leaseId == null || !keepAlive()) {
      leaseId = grant().orElse(null);
    }
    Optional<String> owner = leaseId == null ? Optional.empty() : claim();
    if (owner.isEmpty()) {
      // etcd unreachable or without quorum: once any lease would have expired, nobody is known
      // to hold the key (the cloud activation may then go ahead without it)
      if (holderSeenAt.plus(ttl).isBefore(started)) {
        holder = null;
      }
      return;
    }
    boolean wasLeader = isLeader();
    holder = owner.get();
    holderSeenAt = started;
    if (holder.equals(identity)) {
      leaderUntil = started.plus(ttl.multipliedBy(2).dividedBy(3));
      if (!wasLeader) {
        log.info("{} became the acting failover controller (etcd key {})", identity, key);
      }
    } else {
      leaderUntil = Instant.MIN;
    }
  }

  private Optional<String> grant() {
    return etcd.post("/v3/lease/grant", Map.of("TTL", Long.toString(ttl.getSeconds())))
        .map(r -> r.path("ID").asString(null));
  }

  private boolean keepAlive() {
    return etcd.post("/v3/lease/keepalive", Map.of("ID", leaseId))
        .map(r -> r.path("TTL").asLong(0) > 0)
        .orElse(false);
  }

  /** Put-if-absent with our lease; answers who holds the key now. */
  private Optional<String> claim() {
    String k = EtcdGateway.b64(key);
    Map<String, Object> txn = Map.of(
        "compare", List.of(Map.of("key", k, "result", "EQUAL", "target", "CREATE", "create_revision", "0")),
        "success", List.of(Map.of("request_put", Map.of("key", k, "value", EtcdGateway.b64(identity), "lease", leaseId))),
        "failure", List.of(Map.of("request_range", Map.of("key", k))));
    return etcd.post("/v3/kv/txn", txn).map(this::ownerFrom);
  }

  private String ownerFrom(JsonNode txn) {
    if (txn.path("succeeded").asBoolean(false)) {
      return identity;
    }
    JsonNode kvs = txn.path("responses").path(0).path("response_range").path("kvs");
    if (kvs.isEmpty()) {
      return null;
    }
    String owner = EtcdGateway.unb64(kvs.path(0).path("value").asString(""));
    // our name on a lease we no longer renew (a replaced lease) is not leadership: it will expire
    if (owner.equals(identity) && !kvs.path(0).path("lease").asString("").equals(leaseId)) {
      return STALE;
    }
    return owner;
  }

  @Override
  public boolean isLeader() {
    return clock.instant().isBefore(leaderUntil);
  }

  @Override
  public Optional<String> leader() {
    return Optional.ofNullable(holder);
  }

  @Override
  public String identity() {
    return identity;
  }

  /** Revokes the lease: etcd deletes the key and a follower takes over on its next round. */
  @Override
  public void close() {
    scheduler.shutdownNow();
    leaderUntil = Instant.MIN;
    if (leaseId != null) {
      etcd.post("/v3/lease/revoke", Map.of("ID", leaseId));
    }
  }

  /** Stops renewing without revoking, as a crashed or frozen replica would. */
  void abandon() {
    scheduler.shutdownNow();
  }
}
