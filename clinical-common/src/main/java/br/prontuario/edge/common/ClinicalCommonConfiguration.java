package br.prontuario.edge.common;

import br.prontuario.edge.common.app.AppProperties;
import br.prontuario.edge.common.idempotency.IdempotencyProperties;
import br.prontuario.edge.common.security.JwtService;
import br.prontuario.edge.common.security.SecurityProperties;
import br.prontuario.edge.common.user.PasswordHasher;
import br.prontuario.edge.common.web.DatabaseOutageHold;
import br.prontuario.edge.common.durability.StandbyConfirmedTransactionManager;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * What a clinical app imports to get problem+json, correlation ids, JWT security helpers, login,
 * audit chain, idempotency, and the clinicians' app's config endpoint and security
 * ({@code app/}: the app itself is the clinical-app jar). The app supplies its own SecurityFilterChain with role rules.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@EnableConfigurationProperties({SecurityProperties.class, IdempotencyProperties.class,
    AppProperties.class, DatabaseOutageHold.class})
public class ClinicalCommonConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  JwtService jwtService(SecurityProperties properties, Clock clock) {
    return new JwtService(properties.jwtSecret(), properties.retiringJwtSecret(), properties.accessTokenTtl(),
        clock);
  }

  /** Replaces Boot's: a commit the synchronous standby did not confirm is not a success. */
  @Bean
  StandbyConfirmedTransactionManager transactionManager(DataSource dataSource) {
    return new StandbyConfirmedTransactionManager(dataSource);
  }

  @Bean
  PasswordHasher passwordHasher() {
    return new PasswordHasher();
  }
}
