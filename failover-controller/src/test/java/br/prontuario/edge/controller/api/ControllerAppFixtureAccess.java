package br.prontuario.edge.controller.api;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Lets tests in other packages start the app the same way. */
public final class ControllerAppFixtureAccess {

  private ControllerAppFixtureAccess() {}

  public static void properties(DynamicPropertyRegistry registry) {
    ControllerAppFixture.properties(registry);
  }
}
