package br.prontuario.edge.common.audit.anchor;

import br.prontuario.edge.site.etcd.EtcdGateway;
import br.prontuario.edge.site.tls.ClientTls;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One etcd key holding the latest {@link AuditAnchor}. It only ever moves forward: a write is a
 * compare-and-set on the key's revision and is skipped when the stored anchor is already at or past
 * the new one, so two nodes publishing at once, or a chain that lost its tail, never pull it back.
 */
public final class EtcdAnchorStore {

  public static final String DEFAULT_KEY = "/prontuario/audit/anchor";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** What the key holds now. */
  public sealed interface Reading permits Found, Absent, Unreachable {}

  public record Found(AuditAnchor anchor, String modRevision) implements Reading {}

  public record Absent() implements Reading {}

  public record Unreachable() implements Reading {}

  public enum Advance { ADVANCED, ALREADY_AHEAD, CONFLICT, UNREACHABLE }

  private final String name;
  private final EtcdGateway etcd;
  private final String key;

  public EtcdAnchorStore(String name, List<String> endpoints, String key, Duration timeout) {
    this(name, endpoints, null, key, timeout);
  }

  /** {@code tls}: the client certificate etcd asks for on https endpoints; null for none. */
  public EtcdAnchorStore(String name, List<String> endpoints, ClientTls tls, String key, Duration timeout) {
    if (endpoints.isEmpty()) {
      throw new IllegalArgumentException("audit anchor store '" + name + "' has no etcd endpoint");
    }
    this.name = name;
    this.etcd = new EtcdGateway(endpoints, tls, JSON, timeout);
    this.key = EtcdGateway.b64(key);
  }

  public String name() {
    return name;
  }

  public Reading read() {
    Optional<JsonNode> range = etcd.post("/v3/kv/range", Map.of("key", key));
    if (range.isEmpty()) {
      return new Unreachable();
    }
    JsonNode kvs = range.get().path("kvs");
    if (kvs.isEmpty()) {
      return new Absent();
    }
    JsonNode value = JSON.readTree(EtcdGateway.unb64(kvs.path(0).path("value").asString("")));
    AuditAnchor anchor = new AuditAnchor(value.path("seq").asLong(),
        value.path("hash").asString(), Instant.parse(value.path("anchoredAt").asString()));
    return new Found(anchor, kvs.path(0).path("mod_revision").asString());
  }

  /** Stores {@code next} unless the key already holds an anchor at or past it. */
  public Advance advance(AuditAnchor next) {
    Reading current = read();
    Map<String, Object> unchanged;
    if (current instanceof Unreachable) {
      return Advance.UNREACHABLE;
    } else if (current instanceof Found found) {
      if (found.anchor().seq() >= next.seq()) {
        return Advance.ALREADY_AHEAD;
      }
      unchanged = Map.of("key", key, "result", "EQUAL", "target", "MOD",
          "mod_revision", found.modRevision());
    } else {
      unchanged = Map.of("key", key, "result", "EQUAL", "target", "CREATE", "create_revision", "0");
    }
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("seq", next.seq());
    value.put("hash", next.hash());
    value.put("anchoredAt", next.anchoredAt().toString());
    Map<String, Object> txn = Map.of("compare", List.of(unchanged),
        "success", List.of(Map.of("request_put",
            Map.of("key", key, "value", EtcdGateway.b64(JSON.writeValueAsString(value))))));
    return etcd.post("/v3/kv/txn", txn)
        .map(r -> r.path("succeeded").asBoolean(false) ? Advance.ADVANCED : Advance.CONFLICT)
        .orElse(Advance.UNREACHABLE);
  }
}
