package br.prontuario.edge.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.Http;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The clinicians' mix of issue 21: each virtual clinician (its own login, its own connections,
 * like a phone) thinks for an exponentially distributed time, then reads a patient (35 %), reads
 * the patient's notes (35 %), writes a note (20 %) or searches by name prefix (10 %).
 *
 * <p>Requests made during the warm-up are named "warm-up …" so the report keeps them apart from
 * the measured ones. Access tokens live 15 minutes: a clinician refreshes its pair after 10.
 *
 * <p>In emergency mode (cloud-fallback) the same mix uses that API's shapes: a patient is read as
 * the summary the app opens, the search is {@code ?q=}; notes are read and written alike.
 */
public class ClinicianMixSimulation extends Simulation {

  /** Name prefixes a clinician types; common first syllables of Brazilian names. */
  static final String[] PREFIXES = {"an", "jo", "ma", "jos", "fr", "ca", "ju", "pa", "lu", "fe",
      "pe", "ra", "al", "mar", "li"};
  static final String WARM_UP = "warm-up ";
  private static final long REFRESH_AFTER_MILLIS = Duration.ofMinutes(10).toMillis();

  private final LoadSettings settings = LoadSettings.fromSystemProperties();
  private volatile long measureFromMillis = Long.MAX_VALUE;

  {
    HttpProtocolBuilder protocol = http.baseUrl(settings.entrypoint())
        .acceptHeader("application/json")
        .header("Authorization", "Bearer #{accessToken}");

    // "reads" groups the two reads so the report has their combined percentiles; "mix" groups
    // every action of the mix (not the token refreshes) for the all-operations row
    ChainBuilder action = feed(csv(settings.patientsCsv()).random())
        .exec(this::nextAction)
        .group("#{phase}mix").on(randomSwitch().on(
            percent(35.0).then(group("#{phase}reads").on(request("read patient")
                .get(settings.emergency() ? "/api/v1/patients/#{patient}/summary"
                    : "/api/v1/patients/#{patient}"))),
            percent(35.0).then(group("#{phase}reads").on(request("read notes")
                .get("/api/v1/patients/#{patient}/notes?limit=20"))),
            percent(20.0).then(exec(request("write note")
                .post("/api/v1/patients/#{patient}/notes")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "#{randomUuid()}")
                .body(StringBody(
                    "{\"type\":\"evolucao\",\"text\":\"Paciente estável, sem queixas (bench).\"}")))),
            percent(10.0).then(exec(request("search")
                .get(settings.emergency() ? "/api/v1/patients?q=#{prefix}"
                    : "/api/v1/patients?limit=20&name=#{prefix}")))));

    ChainBuilder refresh = doIf(this::tokenIsOld).then(exec(request("refresh token")
            .post("/api/v1/auth/refresh")
            .header("Content-Type", "application/json")
            .body(StringBody("{\"refreshToken\":\"#{refreshToken}\"}"))
            .check(jsonPath("$.accessToken").saveAs("accessToken"),
                jsonPath("$.refreshToken").saveAs("refreshToken")))
        .exec(session -> session.set("tokenIssuedAt",
            String.valueOf(System.currentTimeMillis()))));

    ScenarioBuilder clinicians = scenario("clinicians")
        .exec(feed(csv(settings.cliniciansCsv()).queue()))
        .exec(during(settings.warmup().plus(settings.measure())).on(
            pause(session -> thinkTime()), refresh, action));

    setUp(clinicians.injectOpen(atOnceUsers(settings.clinicians()))).protocols(protocol);
  }

  @Override
  public void before() {
    measureFromMillis = System.currentTimeMillis() + settings.warmup().toMillis();
  }

  private Http request(String operation) {
    return http("#{phase}" + operation);
  }

  /** The next action's name prefix, and whether it falls in the warm-up. */
  private Session nextAction(Session session) {
    return session
        .set("phase", System.currentTimeMillis() < measureFromMillis ? WARM_UP : "")
        .set("prefix", PREFIXES[ThreadLocalRandom.current().nextInt(PREFIXES.length)]);
  }

  private boolean tokenIsOld(Session session) {
    return System.currentTimeMillis() - Long.parseLong(session.getString("tokenIssuedAt"))
        > REFRESH_AFTER_MILLIS;
  }

  /** Exponential with the configured mean, as a clinician's pauses between actions are. */
  private Duration thinkTime() {
    if (settings.think().isZero()) {
      return Duration.ZERO;
    }
    double draw = -Math.log(1 - ThreadLocalRandom.current().nextDouble());
    return Duration.ofMillis((long) (draw * settings.think().toMillis()));
  }
}
