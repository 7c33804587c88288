package br.prontuario.edge.node;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class EdgeNodeApplication {

  public static void main(String[] args) {
    SpringApplication.run(EdgeNodeApplication.class, args);
  }
}
