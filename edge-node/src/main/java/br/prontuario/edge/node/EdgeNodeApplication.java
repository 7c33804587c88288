package br.prontuario.edge.node;

import br.prontuario.edge.common.ClinicalCommonConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

// no in-memory user store: users live in PostgreSQL and tokens carry the roles
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
@Import(ClinicalCommonConfiguration.class)
public class EdgeNodeApplication {

  public static void main(String[] args) {
    SpringApplication.run(EdgeNodeApplication.class, args);
  }
}
