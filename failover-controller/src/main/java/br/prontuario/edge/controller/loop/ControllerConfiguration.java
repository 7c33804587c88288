package br.prontuario.edge.controller.loop;

import br.prontuario.edge.controller.api.SecurityProperties;
import br.prontuario.edge.controller.cloud.CloudPromotionProperties;
import br.prontuario.edge.controller.cloud.CloudFallbackApp;
import br.prontuario.edge.controller.cloud.KubernetesPatroniPromotion;
import br.prontuario.edge.controller.decision.ControllerState;
import br.prontuario.edge.controller.decision.DecisionEngine;
import br.prontuario.edge.controller.decision.HealthRules;
import br.prontuario.edge.controller.election.ElectionProperties;
import br.prontuario.edge.controller.election.EtcdLeadership;
import br.prontuario.edge.controller.election.KubernetesLeadership;
import br.prontuario.edge.controller.election.Leadership;
import br.prontuario.edge.controller.election.SoleController;
import br.prontuario.edge.controller.history.DecisionHistory;
import br.prontuario.edge.controller.history.HistoryProperties;
import br.prontuario.edge.controller.history.HistoryRecorder;
import br.prontuario.edge.controller.patroni.PatroniApiProperties;
import br.prontuario.edge.controller.metrics.AuditAnchorWatch;
import br.prontuario.edge.controller.metrics.ControllerMetrics;
import br.prontuario.edge.controller.probe.ClusterProber;
import br.prontuario.edge.controller.probe.ClusterTopology;
import br.prontuario.edge.controller.probe.HttpProbe;
import br.prontuario.edge.controller.probe.SentinelAuthProperties;
import br.prontuario.edge.controller.probe.SentinelClient;
import br.prontuario.edge.controller.routing.HaproxyRouter;
import br.prontuario.edge.controller.routing.KubernetesRouter;
import br.prontuario.edge.controller.routing.Router;
import br.prontuario.edge.controller.routing.RoutingProperties;
import br.prontuario.edge.site.activation.PatroniRestPromotion;
import br.prontuario.edge.site.activation.StandbyPromotion;
import br.prontuario.edge.site.patroni.PatroniClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wires probes, the pure engine, the adapters and the loop from the typed configuration. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CloudPromotionProperties.class, HealthRules.class, ClusterTopology.class, RoutingProperties.class,
    ElectionProperties.class, HistoryProperties.class, PatroniApiProperties.class,
    SentinelAuthProperties.class})
class ControllerConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  Router router(RoutingProperties routing, ClusterTopology topology) {
    if (routing.mode().equals("kubernetes")) {
      return new KubernetesRouter(new KubernetesClientBuilder().build(), routing.kubernetes());
    }
    return new HaproxyRouter(routing.haproxy(), nodeNames(topology));
  }

  @Bean
  Leadership leadership(ElectionProperties election, JsonMapper json, Clock clock) {
    return switch (election.mode()) {
      case "etcd" -> new EtcdLeadership(election.etcdEndpoints(), election.etcdTls(), election.identity(),
          election.key(),
          election.leaseTtl(), json, clock);
      case "kubernetes" -> new KubernetesLeadership(new KubernetesClientBuilder().build(), election.namespace(),
          election.key(), election.identity(), election.leaseTtl());
      default -> new SoleController(election.identity());
    };
  }

  @Bean
  PatroniClient patroniClient(HealthRules rules, PatroniApiProperties api) {
    return new PatroniClient(rules.timeout(), api.credentials(), api.caCertificate());
  }

  @Bean
  StandbyPromotion standbyPromotion(CloudPromotionProperties cloud, PatroniApiProperties api) {
    return switch (cloud.mode()) {
      // the local cloud site's Patroni takes the edge's REST user and speaks TLS with a certificate
      // from the same CA; GKE's is promoted through its config map
      case "patroni" -> new PatroniRestPromotion(cloud.patroniUrl(),
          new PatroniClient(cloud.timeout(), api.credentials(), api.caCertificate()));
      case "kubernetes" -> new KubernetesPatroniPromotion(new KubernetesClientBuilder().build(),
          cloud.namespace(), cloud.scope());
      default -> StandbyPromotion.NONE;
    };
  }

  @Bean
  CloudFallbackApp cloudFallbackApp(CloudPromotionProperties cloud,
      SecurityProperties security, Clock clock) {
    return cloud.appUrl().isBlank() ? CloudFallbackApp.NONE
        : new CloudFallbackApp(cloud.appUrl(), security.jwtSecret(), cloud.mergeTimeout(), clock);
  }

  @Bean(destroyMethod = "close")
  ControlLoop controlLoop(HealthRules rules, ClusterTopology topology, Router router, Leadership leadership,
      PatroniClient patroni, DecisionHistory history, MeterRegistry meters, Clock clock,
      StandbyPromotion promotion, CloudFallbackApp cloudApp, SentinelAuthProperties sentinelAuth) {
    ClusterProber prober = new ClusterProber(topology, new HttpProbe(rules.timeout()), patroni,
        new SentinelClient(topology.sentinels(), topology.sentinelMaster(), rules.timeout(),
            sentinelAuth.credentials()),
        Executors.newCachedThreadPool(daemon()), clock);
    DecisionEngine engine = new DecisionEngine(clock, rules, ControllerState.NORMAL);
    Actuator actuator = new Actuator(router, patroni, topology, meters, promotion, cloudApp, clock);
    HistoryRecorder recorder = new HistoryRecorder(history, meters, clock, leadership.identity());
    ControllerMetrics metrics = new ControllerMetrics(meters, clock, nodeNames(topology), engine::state,
        actuator::cloudActive, leadership::isLeader);
    ControlLoop loop = new ControlLoop(prober, engine, actuator, router, leadership, recorder, metrics, rules);
    loop.start();
    return loop;
  }

  /** The audit anchor's finding on each node, re-exported for the console's alert table. */
  @Bean(destroyMethod = "close")
  AuditAnchorWatch auditAnchorWatch(MeterRegistry meters, ClusterTopology topology,
      HealthRules rules) {
    return new AuditAnchorWatch(meters, topology.nodes(), rules.timeout())
        .start(Duration.ofSeconds(30));
  }

  @Bean
  DecisionHistory decisionHistory(HistoryProperties historyProperties, JsonMapper json) {
    return new DecisionHistory(historyProperties.dir().resolve("decisions.jsonl"), json);
  }

  private static List<String> nodeNames(ClusterTopology topology) {
    return topology.nodes().stream().map(ClusterTopology.Node::name).toList();
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "probe");
      t.setDaemon(true);
      return t;
    };
  }
}
