package br.prontuario.edge.drill.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ApiResponseTest {

  private static ApiResponse created(String body) {
    return new ApiResponse(201, JsonMapper.shared().readTree(body), null, false);
  }

  @Test
  void theCreatedIdIsTheEdgeRecordsIdOrTheCloudNotesId() {
    assertThat(created("{\"id\":\"n1\",\"text\":\"x\"}").createdId()).isEqualTo("n1");
    assertThat(created("{\"mode\":\"emergency\",\"note\":{\"id\":\"n2\"}}").createdId())
        .isEqualTo("n2");
    assertThat(created("{\"mode\":\"emergency\"}").createdId()).isNull();
  }
}
