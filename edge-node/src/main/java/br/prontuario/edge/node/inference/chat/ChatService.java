package br.prontuario.edge.node.inference.chat;

import br.prontuario.edge.common.audit.AuditLog;
import br.prontuario.edge.common.problem.ApiProblem;
import br.prontuario.edge.common.security.ClinicalPrincipal;
import br.prontuario.edge.node.inference.model.InferenceGate;
import br.prontuario.edge.node.inference.model.ModelRegistry;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * Answers clinicians' questions with the local chat model, grounded in the patient's record when a
 * patient is named: the context read is audited like any read of patient data.
 */
@Service
class ChatService {

  /**
   * A question turned into a prompt, ready to run on the model; without a chat model ({@code model}
   * and {@code prompt} null) it is answered by extraction from the context.
   */
  record Prepared(ChatModel model, String question, String prompt, int maxTokens, Sampling sampling,
      PatientContext context) {}

  private final ModelRegistry registry;
  private final InferenceGate gate;
  private final PatientContextReader records;
  private final AuditLog audit;
  private final ChatProperties properties;

  ChatService(ModelRegistry registry, InferenceGate gate, PatientContextReader records, AuditLog audit,
      ChatProperties properties) {
    this.registry = registry;
    this.gate = gate;
    this.records = records;
    this.audit = audit;
    this.properties = properties;
  }

  /**
   * Runs in the request thread: checks the model, reads and audits the patient context. Without a
   * chat model, a question about a patient is still answered (extractive) when retrieval is loaded.
   */
  Prepared prepare(ChatRequest request) {
    boolean extractive = !registry.status(ChatModelLoader.NAME).loaded() && request.patientId() != null
        && registry.status(RetrievalModelLoader.NAME).loaded();
    ChatModel model = extractive ? null : registry.require(ChatModelLoader.NAME, ChatModel.class);
    PatientContext context = PatientContext.none();
    if (request.patientId() != null) {
      if (!records.patientExists(request.patientId())) {
        throw ApiProblem.notFound("The patient");
      }
      context = records.read(request.patientId(), ClinicalPrincipal.require(), request.question());
      audit.record("chat.patient-context", request.patientId(), null, null, null);
    }
    String prompt = extractive ? null : PromptAssembly.assemble(properties.promptTemplate(), context.text(), request.question());
    int maxTokens = Math.min(request.maxTokens() == null ? properties.maxTokens() : request.maxTokens(), properties.maxTokens());
    return new Prepared(model, request.question(), prompt, maxTokens, request.sampling(), context);
  }

  ChatAnswer answer(Prepared prepared) {
    if (prepared.model() == null) {
      return extract(prepared);
    }
    BooleanSupplier pastDeadline = deadline();
    Generation generation = gate.call(ChatModelLoader.NAME,
        () -> prepared.model().generate(prepared.prompt(), prepared.maxTokens(), prepared.sampling(), piece -> {}, pastDeadline));
    return toAnswer(prepared, generation);
  }

  /** Starts a streaming generation; {@code stop} also ends it when the client goes away. */
  CompletableFuture<ChatAnswer> stream(Prepared prepared, Consumer<String> onText, BooleanSupplier stop) {
    if (prepared.model() == null) {
      ChatAnswer extracted = extract(prepared);
      onText.accept(extracted.answer());
      return CompletableFuture.completedFuture(extracted);
    }
    BooleanSupplier pastDeadline = deadline();
    return gate.submit(ChatModelLoader.NAME, () -> toAnswer(prepared, prepared.model().generate(prepared.prompt(),
        prepared.maxTokens(), prepared.sampling(), onText, () -> stop.getAsBoolean() || pastDeadline.getAsBoolean())));
  }

  long timeoutMillis() {
    return gate.timeoutOf(ChatModelLoader.NAME).toMillis();
  }

  private BooleanSupplier deadline() {
    long end = System.nanoTime() + gate.timeoutOf(ChatModelLoader.NAME).toNanos();
    return () -> System.nanoTime() > end;
  }

  private ChatAnswer toAnswer(Prepared prepared, Generation generation) {
    PatientContext context = prepared.context();
    return new ChatAnswer(generation.text(), ChatAnswer.Mode.GENERATED, generation.stopReason(), generation.tokens().size(),
        context.patientId(), Citations.in(generation.text(), context.noteIds()), context.noteIds(), properties.disclaimer());
  }

  private ChatAnswer extract(Prepared prepared) {
    PatientContext context = prepared.context();
    NoteRanker ranker = registry.require(RetrievalModelLoader.NAME, NoteRanker.class);
    List<ExtractiveAnswerer.Quote> quotes = gate.call(RetrievalModelLoader.NAME,
        () -> ExtractiveAnswerer.quotes(ranker, prepared.question(), context.notes()));
    String text = ExtractiveAnswerer.text(quotes);
    return new ChatAnswer(text, ChatAnswer.Mode.EXTRACTIVE, Generation.StopReason.STOP_TOKEN, 0, context.patientId(),
        Citations.in(text, context.noteIds()), context.noteIds(), properties.disclaimer());
  }
}
