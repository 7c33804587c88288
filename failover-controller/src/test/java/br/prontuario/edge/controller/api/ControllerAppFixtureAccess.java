package br.prontuario.edge.controller.api;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Lets tests in other packages start the app the same way. */
public final class ControllerAppFixtureAccess {

  private ControllerAppFixtureAccess() {}

  public static void properties(DynamicPropertyRegistry registry) {
    ControllerAppFixture.properties(registry);
  }

  /** An HTTP answer as the fixture's tests read it. */
  public record Reply(int status, String contentType, String body) {}

  /** One call to the app on {@code port}, with an optional Authorization header and JSON body. */
  public static Reply call(int port, String method, String path, String authorization, String json) {
    ControllerAppFixture.Reply reply = ControllerAppFixture.call(port, method, path, authorization, json);
    return new Reply(reply.status(), reply.contentType(), reply.body());
  }

  /** The JWT secret the app is started with, to mint tokens as edge-node would. */
  public static String secret() {
    return Tokens.SECRET;
  }
}
