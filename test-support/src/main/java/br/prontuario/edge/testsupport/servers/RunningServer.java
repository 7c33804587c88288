package br.prontuario.edge.testsupport.servers;

import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real server started for the tests and stopped after them, as a JUnit 5 extension:
 * <pre>{@code @RegisterExtension static final RunningServer<RealEtcd> etcd =
 *     new RunningServer<>(RealEtcd::start);}</pre>
 * On a static field the server lives for the test class; on an instance field, for one test.
 * Its folder (data and log) is a fresh one under {@code target/}, kept for post-mortems.
 */
public final class RunningServer<T extends AutoCloseable>
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

  private final Function<Path, T> start;
  private T server;
  private boolean perClass;

  public RunningServer(Function<Path, T> start) {
    this.start = start;
  }

  /** The running server; fails loudly outside a test. */
  public T get() {
    if (server == null) {
      throw new IllegalStateException("the server runs only during the tests");
    }
    return server;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true; // only static fields see beforeAll
    server = start.apply(folder(context));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!perClass) {
      server = start.apply(folder(context));
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    if (!perClass) {
      stop();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    stop();
  }

  private void stop() throws Exception {
    if (server != null) {
      try {
        server.close();
      } finally {
        server = null;
      }
    }
  }

  private static Path folder(ExtensionContext context) {
    return TargetFolders.fresh(context.getRequiredTestClass().getSimpleName() + "-");
  }
}
