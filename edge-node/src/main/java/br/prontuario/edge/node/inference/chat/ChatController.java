package br.prontuario.edge.node.inference.chat;

import jakarta.validation.Valid;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code POST /api/v1/chat}: the whole answer as JSON. {@code POST /api/v1/chat/stream}: server-sent
 * events, {@code token} events as text is generated, then one {@code done} event with the stop
 * reason, the cited note ids and the disclaimer (or one {@code error} event).
 */
@RestController
class ChatController {

  private final ChatService chat;

  ChatController(ChatService chat) {
    this.chat = chat;
  }

  @PostMapping(path = "/api/v1/chat", produces = MediaType.APPLICATION_JSON_VALUE)
  ChatAnswer answer(@Valid @RequestBody ChatRequest request) {
    return chat.answer(chat.prepare(request));
  }

  @PostMapping(path = "/api/v1/chat/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream(@Valid @RequestBody ChatRequest request) {
    ChatService.Prepared prepared = chat.prepare(request);
    SseEmitter emitter = new SseEmitter(chat.timeoutMillis() + 5_000);
    AtomicBoolean gone = new AtomicBoolean();
    emitter.onCompletion(() -> gone.set(true));
    emitter.onTimeout(() -> gone.set(true));
    emitter.onError(e -> gone.set(true));
    chat.stream(prepared, piece -> send(emitter, "token", Map.of("text", piece), gone), gone::get)
        .whenComplete((answer, failure) -> {
          if (failure == null) {
            send(emitter, "done", answer, gone);
          } else {
            send(emitter, "error", Map.of("title", "Generation failed", "status", 500), gone);
          }
          emitter.complete();
        });
    return emitter;
  }

  private static void send(SseEmitter emitter, String event, Object data, AtomicBoolean gone) {
    if (gone.get()) {
      return;
    }
    try {
      emitter.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
    } catch (IOException | IllegalStateException e) {
      gone.set(true); // the client left: the generation loop sees it and stops
    }
  }
}
