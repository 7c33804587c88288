package br.prontuario.edge.cloud.chat;

import br.prontuario.edge.cloud.mode.ServiceMode;
import br.prontuario.edge.cloud.summary.EmergencySummaries;
import br.prontuario.edge.common.audit.AuditLog;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Basic chat in emergency mode: answers drawn from the summary, labelled as such. */
@RestController
class ChatController {

  private final EmergencySummaries summaries;
  private final AuditLog audit;

  ChatController(EmergencySummaries summaries, AuditLog audit) {
    this.summaries = summaries;
    this.audit = audit;
  }

  record ChatRequest(@NotBlank @Size(max = 500) String question) {}

  record ChatResponse(String mode, String source, String label, String topic,
      List<String> answer) {}

  @PostMapping("/api/v1/patients/{patientId}/chat")
  ChatResponse ask(@PathVariable UUID patientId, @Valid @RequestBody ChatRequest request) {
    SummaryChat.Answer answer = SummaryChat.answer(request.question(), summaries.of(patientId));
    audit.record("emergency.chat", patientId, null, null, null);
    return new ChatResponse(ServiceMode.EMERGENCY, "emergency-summary", SummaryChat.LABEL,
        answer.topic().name().toLowerCase(), answer.lines());
  }
}
