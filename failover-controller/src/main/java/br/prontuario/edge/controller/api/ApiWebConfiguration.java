package br.prontuario.edge.controller.api;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class ApiWebConfiguration implements WebMvcConfigurer {

  private final SecurityProperties security;
  private final Clock clock;

  ApiWebConfiguration(SecurityProperties security, Clock clock) {
    this.security = security;
    this.clock = clock;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    var verifier = new ItOpsTokenVerifier(security.secret(), security.retiring(), clock);
    registry.addInterceptor(new ItOpsInterceptor(verifier)).addPathPatterns("/api/**");
  }
}
