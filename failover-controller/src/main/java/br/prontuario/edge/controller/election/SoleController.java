package br.prontuario.edge.controller.election;

import java.util.Optional;

/** Election mode {@code none}: one controller, always acting (local demos; never in production). */
public final class SoleController implements Leadership {

  private final String identity;

  public SoleController(String identity) {
    this.identity = identity;
  }

  @Override
  public void start() {}

  @Override
  public boolean isLeader() {
    return true;
  }

  @Override
  public Optional<String> leader() {
    return Optional.of(identity);
  }

  @Override
  public String identity() {
    return identity;
  }

  @Override
  public void close() {}
}
