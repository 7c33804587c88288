package br.prontuario.edge.cloud;

import br.prontuario.edge.common.ClinicalCommonConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The reduced emergency deployment: it reads a standby of the edge database and serves only once
 * that standby has been promoted (activation). See docs/emergency-mode.md.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import(ClinicalCommonConfiguration.class)
public class CloudFallbackApplication {

  public static void main(String[] args) {
    SpringApplication.run(CloudFallbackApplication.class, args);
  }
}
