package br.prontuario.edge.controller.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Shares one {@link ControllerCluster} among the scenario ITs of a test JVM (starting it costs
 * minutes) and restores it before each scenario, so each one starts from the same place and
 * depends on no other: {@code @ExtendWith(ControllerClusterExtension.class)} and take a
 * {@code ControllerCluster} parameter. The cluster stops when the JVM's tests are done.
 */
final class ControllerClusterExtension
    implements BeforeEachCallback, AfterTestExecutionCallback, ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(ControllerClusterExtension.class);

  @Override
  public void beforeEach(ExtensionContext context) {
    ControllerCluster cluster = shared(context);
    try {
      cluster.restore();
    } catch (RuntimeException | Error e) {
      cluster.keepLogs(); // a restore that fails is a finding too: keep what the processes said
      throw e;
    }
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (context.getExecutionException().isPresent()) {
      shared(context).keepLogs();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ControllerCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return shared(context);
  }

  /** Started on first use; the root store closes it (AutoCloseable) after the last test. */
  private static ControllerCluster shared(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE).computeIfAbsent(ControllerCluster.class,
        key -> {
          try {
            return ControllerCluster.start();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }, ControllerCluster.class);
  }
}
