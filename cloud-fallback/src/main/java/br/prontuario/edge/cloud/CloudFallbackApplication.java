package br.prontuario.edge.cloud;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CloudFallbackApplication {

  public static void main(String[] args) {
    SpringApplication.run(CloudFallbackApplication.class, args);
  }
}
