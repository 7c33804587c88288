package br.prontuario.edge.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.node.app.support.AppIT;
import org.junit.jupiter.api.Test;

/** The banner says "reconectando…" while the server is unreachable, and normal once it is back. */
class ReconnectIT extends AppIT {

  @Test
  void theBannerShowsReconnectingWhileTheServerIsUnreachableAndNormalAfter() {
    login();
    assertThat(browser.bannerMode()).isEqualTo("normal");
    browser.blockUrls("*/api/*", "*/health/*");
    browser.type("#search", "maria");
    browser.tap("#search-submit");

    browser.waitForText("#banner", "reconectando…");
    assertThat(browser.bannerMode()).isEqualTo("reconnecting");
    assertThat(browser.text("#results")).contains("Sem conexão com o servidor");
    screen("50-reconectando");

    browser.unblockUrls();
    browser.waitForText("#banner", "Modo normal");
    assertThat(browser.bannerMode()).isEqualTo("normal");
  }
}
