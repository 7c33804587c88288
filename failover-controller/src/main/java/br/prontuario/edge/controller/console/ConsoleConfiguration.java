package br.prontuario.edge.controller.console;

import br.prontuario.edge.controller.api.SecurityProperties;
import br.prontuario.edge.controller.cloud.CloudPromotionProperties;
import br.prontuario.edge.controller.patroni.PatroniApiProperties;
import br.prontuario.edge.controller.election.ElectionProperties;
import br.prontuario.edge.controller.history.DecisionHistory;
import br.prontuario.edge.controller.history.HistoryProperties;
import br.prontuario.edge.controller.loop.ControlLoop;
import br.prontuario.edge.controller.probe.ClusterTopology;
import br.prontuario.edge.controller.routing.RoutingProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operators' console: static page under {@code /console/} (resources static/console), its API
 * under {@code /api/v1/console}. Wired from the controller's own settings; see docs/console.md.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
class ConsoleConfiguration implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/console", "/console/");
    registry.addViewController("/console/").setViewName("forward:/console/index.html");
  }

  @Bean
  ClusterSite clusterSite(ConsoleProperties console,
      @Value("${edge.controller.cluster-file:}") String clusterFile) {
    return ClusterSite.of(clusterFile, console.clusterDir());
  }

  @Bean
  SiteProbes siteProbes(ConsoleProperties console, RoutingProperties routing, ElectionProperties election,
      ClusterTopology topology, CloudPromotionProperties cloud, SecurityProperties security,
      PatroniApiProperties patroniApi, Clock clock) {
    List<String> runtimeApis = !console.haproxyRuntimeApis().isEmpty() ? console.haproxyRuntimeApis()
        : routing.mode().equals("haproxy") && routing.haproxy().runtimeApiPort() > 0
            ? List.of(routing.haproxy().host() + ":" + routing.haproxy().runtimeApiPort()) : List.of();
    String cloudPatroni = cloud.mode().equals("patroni") ? cloud.patroniUrl() : "";
    return new SiteProbes(runtimeApis, List.of(routing.haproxy().backend()), election.etcdEndpoints(),
        election.etcdTls(), topology.sentinels(), cloudPatroni, patroniApi.caCertificate(), cloud.appUrl(),
        security.jwtSecret(), clock);
  }

  @Bean
  LiveStream liveStream(ConsoleProperties console, ControlLoop loop, DecisionHistory history, MeterRegistry meters,
      SiteProbes probes, Clock clock) {
    LiveView view = new LiveView(loop, history, meters, new AlertEvaluator(AlertRule.ALL, clock), probes, clock);
    return new LiveStream(view, console.refresh());
  }

  @Bean
  OperatorAudit operatorAudit(HistoryProperties history, JsonMapper json) {
    return new OperatorAudit(history.dir().resolve("console-audit.jsonl"), json);
  }

  @Bean
  EdgectlJobs edgectlJobs(ConsoleProperties console, ClusterSite site, Clock clock) {
    return new EdgectlJobs(console.edgectl(), site.dir(), console.commandTimeout(), clock);
  }

  @Bean
  DrillReports drillReports(ClusterSite site) {
    return new DrillReports(site.dir());
  }

  @Bean
  ConsoleActions consoleActions(ControlLoop loop, EdgectlJobs jobs, OperatorAudit audit, LiveStream live,
      Clock clock) {
    return new ConsoleActions(loop, jobs, audit, live, clock);
  }
}
