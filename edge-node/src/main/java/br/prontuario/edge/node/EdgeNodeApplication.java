package br.prontuario.edge.node;

import br.prontuario.edge.common.ClinicalCommonConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

@SpringBootApplication
@ConfigurationPropertiesScan
@Import(ClinicalCommonConfiguration.class)
public class EdgeNodeApplication {

  public static void main(String[] args) {
    SpringApplication.run(EdgeNodeApplication.class, args);
  }
}
