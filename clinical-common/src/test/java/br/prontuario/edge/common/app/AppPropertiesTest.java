package br.prontuario.edge.common.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppPropertiesTest {

  private static AppProperties with(String... entrypoints) {
    return new AppProperties(List.of(entrypoints).stream().map(URI::create).toList(), Duration.ofMinutes(10));
  }

  @Test
  void turnsEntryPointsIntoOriginsForCorsAndTheContentSecurityPolicy() {
    AppProperties app = with("https://edge.hospital.local:8443", "https://cloud.example.org/");

    assertThat(app.origins()).containsExactly("https://edge.hospital.local:8443", "https://cloud.example.org");
    assertThat(AppWebSecurity.contentSecurityPolicy(app)).startsWith("default-src 'self'; connect-src 'self'"
        + " https://edge.hospital.local:8443 https://cloud.example.org;");
  }

  @Test
  void acceptsOnlyHttpOriginsWithoutPaths() {
    assertThat(with("https://edge:8443").isEveryEntrypointAnOrigin()).isTrue();
    assertThat(with("https://edge:8443/app").isEveryEntrypointAnOrigin()).isFalse();
    assertThat(with("ftp://edge").isEveryEntrypointAnOrigin()).isFalse();
    assertThat(with("https://edge?x=1").isEveryEntrypointAnOrigin()).isFalse();
  }

  @Test
  void keepsTheIdleLogoutBetweenTenSecondsAndTwelveHours() {
    assertThat(new AppProperties(List.of(), Duration.ofSeconds(9)).isIdleLogoutSensible()).isFalse();
    assertThat(new AppProperties(List.of(), Duration.ofSeconds(10)).isIdleLogoutSensible()).isTrue();
    assertThat(new AppProperties(List.of(), Duration.ofMinutes(10)).isIdleLogoutSensible()).isTrue();
    assertThat(new AppProperties(List.of(), Duration.ofHours(13)).isIdleLogoutSensible()).isFalse();
  }
}
