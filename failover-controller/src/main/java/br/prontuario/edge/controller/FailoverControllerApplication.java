package br.prontuario.edge.controller;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class FailoverControllerApplication {

  public static void main(String[] args) {
    SpringApplication.run(FailoverControllerApplication.class, args);
  }
}
