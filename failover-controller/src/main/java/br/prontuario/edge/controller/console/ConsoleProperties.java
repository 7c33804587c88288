package br.prontuario.edge.controller.console;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code edge.console.*}: the IT operators' console (docs/console.md).
 *
 * @param refresh how often the live view is rebuilt and pushed to open consoles
 * @param haproxyRuntimeApis every entry point's HAProxy runtime API as host:port; empty = the one
 *     the controller routes through
 * @param edgectl the site's {@code bin/edgectl}, which runs drills, cloud activation and failback;
 *     blank = those buttons are off (the console never re-implements those sequences)
 * @param clusterDir the cluster folder ({@code edgectl --dir}, drill reports under {@code drills/});
 *     default: the folder of {@code edge.controller.cluster-file}
 * @param commandTimeout an edgectl run still going after this is stopped
 */
@ConfigurationProperties("edge.console")
public record ConsoleProperties(
    @DefaultValue("3s") Duration refresh,
    List<String> haproxyRuntimeApis,
    @DefaultValue("") String edgectl,
    Path clusterDir,
    @DefaultValue("30m") Duration commandTimeout) {

  public ConsoleProperties {
    haproxyRuntimeApis = haproxyRuntimeApis == null ? List.of() : List.copyOf(haproxyRuntimeApis);
    if (refresh.isNegative() || refresh.isZero()) {
      throw new IllegalArgumentException("edge.console.refresh must be positive");
    }
  }
}
