package br.prontuario.edge.controller.console;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events to every open console: one live snapshot per refresh, built once whatever the
 * number of consoles (a wall screen and ten laptops probe the site no more than one), plus the
 * lines of a running edgectl command as they come.
 */
final class LiveStream implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(LiveStream.class);
  /** The browser reconnects after this; keeps no request open for ever. */
  private static final long EMITTER_TIMEOUT_MS = Duration.ofMinutes(10).toMillis();

  private final LiveView view;
  private final Duration refresh;
  private volatile boolean running;
  private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
  private final AtomicReference<LiveSnapshot> last = new AtomicReference<>();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "console-live");
    t.setDaemon(true);
    return t;
  });

  LiveStream(LiveView view, Duration refresh) {
    this.view = view;
    this.refresh = refresh;
  }

  @Override
  public void start() {
    running = true;
    scheduler.scheduleWithFixedDelay(this::refresh, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
  }

  SseEmitter subscribe() {
    SseEmitter emitter = new SseEmitter(EMITTER_TIMEOUT_MS);
    emitter.onCompletion(() -> emitters.remove(emitter));
    emitter.onTimeout(() -> emitters.remove(emitter));
    emitter.onError(e -> emitters.remove(emitter));
    emitters.add(emitter);
    LiveSnapshot snapshot = last.get();
    if (snapshot != null) {
      send(emitter, "snapshot", snapshot);
    }
    return emitter;
  }

  /** Also the alert rules' evaluation clock: it runs whether or not a console is open. */
  private void refresh() {
    try {
      LiveSnapshot snapshot = view.snapshot();
      last.set(snapshot);
      publish("snapshot", snapshot);
    } catch (RuntimeException e) {
      log.warn("console live view failed: {}", e.toString());
    }
  }

  void publish(String event, Object data) {
    for (SseEmitter emitter : emitters) {
      send(emitter, event, data);
    }
  }

  private void send(SseEmitter emitter, String event, Object data) {
    try {
      emitter.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
    } catch (IOException | IllegalStateException e) {
      // the console went away (tab closed, network): forget it
      emitters.remove(emitter);
    }
  }

  /** Before the web server's graceful shutdown (a later phase), which would wait for open streams. */
  @Override
  public void stop() {
    running = false;
    scheduler.shutdownNow();
    emitters.forEach(SseEmitter::complete);
    emitters.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
