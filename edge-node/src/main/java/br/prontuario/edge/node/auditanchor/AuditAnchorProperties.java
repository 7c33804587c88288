package br.prontuario.edge.node.auditanchor;

import br.prontuario.edge.common.audit.anchor.EtcdAnchorStore;
import br.prontuario.edge.site.tls.ClientTls;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code edge.audit.anchor.*}: where the audit chain's head is copied outside PostgreSQL. Each
 * entry of {@code stores} names an etcd cluster by its client endpoints (the edge site's
 * {@code edge=http://a:2379,http://b:2379,...}; the cloud site's as another entry). No store: no
 * anchor, and a warning at start. {@code tls}: edge-node's client certificate, which an etcd
 * serving https asks for (the edge site's does); unset for stores without TLS.
 */
@Validated
@ConfigurationProperties("edge.audit.anchor")
public record AuditAnchorProperties(
    @NotNull @DefaultValue Map<String, List<String>> stores,
    @NotNull @DefaultValue("30s") Duration interval,
    @NotNull @DefaultValue(EtcdAnchorStore.DEFAULT_KEY) String key,
    @NotNull @DefaultValue("2s") Duration timeout,
    ClientTls tls) {}
