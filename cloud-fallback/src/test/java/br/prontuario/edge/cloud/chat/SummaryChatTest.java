package br.prontuario.edge.cloud.chat;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.cloud.chat.SummaryChat.Topic;
import org.junit.jupiter.api.Test;

class SummaryChatTest {

  @Test
  void recognisesTheTopicOfPortugueseQuestionsWithOrWithoutAccents() {
    assertThat(SummaryChat.topicOf("Tem alergia a algum remédio?")).isEqualTo(Topic.ALLERGIES);
    assertThat(SummaryChat.topicOf("quais medicações em uso")).isEqualTo(Topic.MEDICATIONS);
    assertThat(SummaryChat.topicOf("Há algum alerta crítico?")).isEqualTo(Topic.ALERTS);
    assertThat(SummaryChat.topicOf("Diagnósticos ativos")).isEqualTo(Topic.PROBLEMS);
    assertThat(SummaryChat.topicOf("última evolução")).isEqualTo(Topic.NOTES);
    assertThat(SummaryChat.topicOf("como está o paciente?")).isEqualTo(Topic.OVERVIEW);
  }
}
