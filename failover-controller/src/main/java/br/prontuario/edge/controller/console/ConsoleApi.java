package br.prontuario.edge.controller.console;

import br.prontuario.edge.controller.history.DecisionHistory;
import br.prontuario.edge.controller.history.HistoryEvent;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The console's read side, under /api/** so the API's interceptor admits only it-ops tokens:
 * the live stream, the decision timeline and the operators' audit.
 */
@RestController
@RequestMapping("/api/v1/console")
class ConsoleApi {

  private static final int HISTORY_WINDOW = 5000;

  private final LiveStream live;
  private final DecisionHistory history;
  private final OperatorAudit audit;

  ConsoleApi(LiveStream live, DecisionHistory history, OperatorAudit audit) {
    this.live = live;
    this.history = history;
    this.audit = audit;
  }

  record Me(String operator) {}

  @GetMapping("/me")
  Me me(HttpServletRequest request) {
    return new Me(OperatorName.of(request));
  }

  @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter live() {
    return live.subscribe();
  }

  /** Newest first. {@code since}/{@code until} are ISO-8601 instants. */
  @GetMapping("/decisions")
  List<HistoryEvent> decisions(@RequestParam(required = false) String node,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) Instant since,
      @RequestParam(required = false) Instant until,
      @RequestParam(defaultValue = "200") int limit) {
    return new DecisionFilter(node, state, since, until)
        .apply(history.recent(HISTORY_WINDOW), Math.max(1, Math.min(limit, 1000)));
  }

  @GetMapping("/audit")
  List<OperatorAudit.Entry> audit(@RequestParam(defaultValue = "50") int limit) {
    return audit.recent(Math.max(1, Math.min(limit, 500)));
  }
}
