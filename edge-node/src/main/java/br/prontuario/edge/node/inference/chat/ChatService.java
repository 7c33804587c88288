package br.prontuario.edge.node.inference.chat;

import br.prontuario.edge.common.audit.AuditLog;
import br.prontuario.edge.common.problem.ApiProblem;
import br.prontuario.edge.common.security.ClinicalPrincipal;
import br.prontuario.edge.node.inference.model.InferenceGate;
import br.prontuario.edge.node.inference.model.ModelRegistry;
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

  /** A question turned into a prompt, ready to run on the model. */
  record Prepared(ChatModel model, String prompt, int maxTokens, Sampling sampling, PatientContext context) {}

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

  /** Runs in the request thread: checks the model, reads and audits the patient context. */
  Prepared prepare(ChatRequest request) {
    ChatModel model = registry.require(ChatModelLoader.NAME, ChatModel.class);
    PatientContext context = PatientContext.none();
    if (request.patientId() != null) {
      if (!records.patientExists(request.patientId())) {
        throw ApiProblem.notFound("The patient");
      }
      context = records.read(request.patientId(), ClinicalPrincipal.require(), request.question());
      audit.record("chat.patient-context", request.patientId(), null, null, null);
    }
    String prompt = properties.promptTemplate()
        .replace("{context}", context.text())
        .replace("{question}", request.question());
    int maxTokens = Math.min(request.maxTokens() == null ? properties.maxTokens() : request.maxTokens(), properties.maxTokens());
    return new Prepared(model, prompt, maxTokens, request.sampling(), context);
  }

  ChatAnswer answer(Prepared prepared) {
    BooleanSupplier pastDeadline = deadline();
    Generation generation = gate.call(ChatModelLoader.NAME,
        () -> prepared.model().generate(prepared.prompt(), prepared.maxTokens(), prepared.sampling(), piece -> {}, pastDeadline));
    return toAnswer(prepared, generation);
  }

  /** Starts a streaming generation; {@code stop} also ends it when the client goes away. */
  CompletableFuture<ChatAnswer> stream(Prepared prepared, Consumer<String> onText, BooleanSupplier stop) {
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
    return new ChatAnswer(generation.text(), generation.stopReason(), generation.tokens().size(),
        prepared.context().patientId(), prepared.context().sourceNoteIds(), properties.disclaimer());
  }
}
