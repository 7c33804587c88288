package br.prontuario.edge.ctl.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The few edge-node calls the cluster scenarios make, as a clinician's phone would make them. */
final class ClinicalApi {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http;
  private final String baseUrl;

  /** {@code caCertificate}: the cluster CA for an https URL; null for a node's plain-HTTP port. */
  ClinicalApi(String baseUrl, java.nio.file.Path caCertificate) {
    this.baseUrl = baseUrl;
    this.http = br.prontuario.edge.localcluster.tls.ClusterTrust.httpClient(caCertificate)
        .connectTimeout(Duration.ofSeconds(2)).build();
  }

  record Response(int status, JsonNode body) {}

  /** An access token for the user, or an IOException/non-200 turned into an exception. */
  String login(String username, String password) throws IOException, InterruptedException {
    Response r = post("/api/v1/auth/login", null,
        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    if (r.status() != 200) {
      throw new IllegalStateException("login answered " + r.status() + ": " + r.body());
    }
    return r.body().path("accessToken").asString();
  }

  String createPatient(String token, String name) throws IOException, InterruptedException {
    Response r = post("/api/v1/patients", token,
        "{\"name\":\"" + name + "\",\"birthDate\":\"1980-04-02\",\"sex\":\"female\"}");
    if (r.status() != 201) {
      throw new IllegalStateException("create patient answered " + r.status() + ": " + r.body());
    }
    return r.body().path("id").asString();
  }

  Response addNote(String token, String patientId, String text) throws IOException, InterruptedException {
    return addNote(token, patientId, text, UUID.randomUUID().toString());
  }

  /** A retry of the same note sends the same key, as the clinicians' app does. */
  Response addNote(String token, String patientId, String text, String idempotencyKey)
      throws IOException, InterruptedException {
    return post("/api/v1/patients/" + patientId + "/notes", token,
        "{\"type\":\"evolucao\",\"text\":\"" + text + "\"}", idempotencyKey);
  }

  /** The texts of the patient's current notes (up to 200). */
  java.util.List<String> noteTexts(String token, String patientId) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/patients/" + patientId
            + "/notes?limit=200"))
        .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token).GET().build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("list notes answered " + response.statusCode() + ": " + response.body());
    }
    java.util.List<String> texts = new java.util.ArrayList<>();
    JSON.readTree(response.body()).path("items").forEach(n -> texts.add(n.path("text").asString()));
    return texts;
  }

  private Response post(String path, String token, String json) throws IOException, InterruptedException {
    return post(path, token, json, UUID.randomUUID().toString());
  }

  private Response post(String path, String token, String json, String idempotencyKey)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", idempotencyKey)
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    return new Response(response.statusCode(), body);
  }
}
