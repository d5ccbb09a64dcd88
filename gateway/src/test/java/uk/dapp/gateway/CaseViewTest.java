package uk.dapp.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import uk.dapp.platform.caseid.CaseId;

/**
 * {@code GET /api/cases/{caseId}} against WireMock as the three services: each part's status, the
 * caller's token relayed, time limits and circuit breakers (Backends: 800 ms, 4 calls).
 */
class CaseViewTest extends GatewayTest {

    private static final String CASE_ID = CaseId.generate(new Random(11)).value();
    private static final String OTHER_CASE_ID = CaseId.generate(new Random(12)).value();

    private static final String RISK_PATH = "/nominals/" + CASE_ID + "/summary";
    private static final String PROGRAMME_PATH = "/cases/" + CASE_ID + "/programme-status";
    private static final String PARTNER_PATH = "/cases/" + CASE_ID + "/partner-support-summary";

    private static final String RISK_SUMMARY = """
            {"caseId":"%s","area":"Testshire","routingStatus":"ENGAGED","decidedRoute":"ENGAGE",
             "decidedPathways":["DRIVE"],"decidedAt":"2026-10-01T09:30:00Z",
             "score":{"total":31,"recency":8,"frequency":9,"gravity":10,"victims":4,"harmDays":420,"serial":true,
                      "referenceVersion":2,"asOf":"2026-10-01","calculatedAt":"2026-10-01T09:00:00Z"}}""".formatted(CASE_ID);
    private static final String PROGRAMME_STATUS = """
            {"caseId":"%s","programmes":[{"programmeCode":"DRIVE-1TO1","status":"ON_PROGRAMME",
             "nextSessionAt":"2026-12-01T10:00:00Z"}]}""".formatted(CASE_ID);
    private static final String PARTNER_SUMMARY = """
            {"caseId":"%s","trackExists":true,"currentRiskLevel":"HIGH","contactMade":true}""".formatted(CASE_ID);

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void closeEveryBreaker() {
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @Test
    void composesTheThreeSummariesWithTheCallersOwnToken() {
        allUp();
        String token = Tokens.forUser(UUID.randomUUID().toString(), "facilitator");

        view(token)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.caseId")
                .isEqualTo(CASE_ID)
                .jsonPath("$.riskMatrix.status")
                .isEqualTo("AVAILABLE")
                .jsonPath("$.riskMatrix.summary.routingStatus")
                .isEqualTo("ENGAGED")
                .jsonPath("$.riskMatrix.summary.score.total")
                .isEqualTo(31)
                .jsonPath("$.riskMatrix.summary.decidedPathways[0]")
                .isEqualTo("DRIVE")
                .jsonPath("$.programme.status")
                .isEqualTo("AVAILABLE")
                .jsonPath("$.programme.summary.programmes[0].status")
                .isEqualTo("ON_PROGRAMME")
                .jsonPath("$.partnerSupport.status")
                .isEqualTo("AVAILABLE")
                .jsonPath("$.partnerSupport.summary.currentRiskLevel")
                .isEqualTo("HIGH")
                .jsonPath("$.partnerSupport.summary.trackExists")
                .isEqualTo(true);

        List<LoggedRequest> asked = Backends.downstreamRequests();
        assertThat(asked)
                .extracting(LoggedRequest::getUrl)
                .containsExactlyInAnyOrder(RISK_PATH, PROGRAMME_PATH, PARTNER_PATH);
        assertThat(asked).allSatisfy(request -> {
            assertThat(request.getHeader(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
            assertThat(request.getHeader("X-Correlation-Id")).isNotBlank();
        });
    }

    @Test
    void asksEachServiceWithinTheCallersTrace() {
        allUp();
        String trace = "0af7651916cd43dd8448eb211c80319c";
        client.get()
                .uri("/api/cases/" + CASE_ID)
                .headers(headers -> {
                    headers.setBearerAuth(Tokens.forUser(UUID.randomUUID().toString(), "facilitator"));
                    headers.set("traceparent", "00-" + trace + "-b7ad6b7169203331-01");
                })
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(Backends.downstreamRequests()).hasSize(3).allSatisfy(request -> {
            assertThat(request.getHeader("traceparent")).matches(RoutingTest.TRACEPARENT);
            assertThat(request.getHeader("traceparent").split("-")[1]).isEqualTo(trace);
        });
    }

    @Test
    void asksWithTheCanonicalCaseIdHoweverItWasTyped() {
        allUp();
        client.get()
                .uri("/api/cases/" + CASE_ID.replace("-", "").toLowerCase())
                .headers(headers ->
                        headers.setBearerAuth(Tokens.forUser(UUID.randomUUID().toString(), "facilitator")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.caseId")
                .isEqualTo(CASE_ID);
        assertThat(Backends.downstreamRequests())
                .extracting(LoggedRequest::getUrl)
                .containsExactlyInAnyOrder(RISK_PATH, PROGRAMME_PATH, PARTNER_PATH);
    }

    @Test
    void doesNotAskAServiceThatServesNoneOfTheCallersRoles() {
        allUp();

        view(Tokens.forUser(UUID.randomUUID().toString(), "partner-support-worker"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.riskMatrix")
                .isEqualTo(Map.of("status", "NOT_PERMITTED"))
                .jsonPath("$.programme.status")
                .isEqualTo("AVAILABLE")
                .jsonPath("$.partnerSupport")
                .isEqualTo(Map.of("status", "NOT_PERMITTED"));
        assertThat(Backends.downstreamRequests())
                .extracting(LoggedRequest::getUrl)
                .containsExactly(PROGRAMME_PATH);

        Backends.wireMock().resetRequests();
        view(Tokens.forUser(UUID.randomUUID().toString(), "offender-manager"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.riskMatrix.status")
                .isEqualTo("AVAILABLE")
                .jsonPath("$.programme.status")
                .isEqualTo("NOT_PERMITTED")
                .jsonPath("$.partnerSupport.status")
                .isEqualTo("AVAILABLE");
        assertThat(Backends.downstreamRequests())
                .extracting(LoggedRequest::getUrl)
                .containsExactlyInAnyOrder(RISK_PATH, PARTNER_PATH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"evaluator", "admin"})
    void refusesRolesThatMaySeeNoPartBeforeAskingAnyService(String role) {
        allUp();
        assertProblem(view(Tokens.forUser(UUID.randomUUID().toString(), role)), 403)
                .jsonPath("$.detail")
                .isEqualTo("Your role may not do this");
        assertNothingForwarded();
    }

    @Test
    void aTokenWithoutRolesIsRefused() {
        assertProblem(view(Tokens.valid()), 403);
        assertNothingForwarded();
    }

    @Test
    void aServiceThatRefusesTheRoleGivesNotPermitted() {
        allUp();
        stub(
                RISK_PATH,
                aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\":\"Forbidden\",\"status\":403}"));

        facilitatorsView()
                .jsonPath("$.riskMatrix.status")
                .isEqualTo("NOT_PERMITTED")
                .jsonPath("$.riskMatrix.summary")
                .doesNotExist()
                .jsonPath("$.programme.status")
                .isEqualTo("AVAILABLE")
                .jsonPath("$.partnerSupport.status")
                .isEqualTo("AVAILABLE");
    }

    @Test
    void aServiceWithoutTheCaseGivesNotFound() {
        allUp();
        stub(
                RISK_PATH,
                aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\":\"Not Found\",\"status\":404}"));

        facilitatorsView()
                .jsonPath("$.riskMatrix.status")
                .isEqualTo("NOT_FOUND")
                .jsonPath("$.riskMatrix.summary")
                .doesNotExist()
                .jsonPath("$.programme.status")
                .isEqualTo("AVAILABLE");
    }

    @Test
    void aFailingServiceGivesUnavailableAndTheRestIsStillShown() {
        allUp();
        stub(PROGRAMME_PATH, aResponse().withStatus(503));
        stub(PARTNER_PATH, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        facilitatorsView()
                .jsonPath("$.riskMatrix.status")
                .isEqualTo("AVAILABLE")
                .jsonPath("$.programme")
                .isEqualTo(Map.of("status", "UNAVAILABLE"))
                .jsonPath("$.partnerSupport.status")
                .isEqualTo("UNAVAILABLE");
    }

    @Test
    void aSlowServiceDoesNotMakeTheViewLate() {
        allUp();
        stub(PARTNER_PATH, okJson(PARTNER_SUMMARY).withFixedDelay(5_000));

        long started = System.nanoTime();
        facilitatorsView()
                .jsonPath("$.riskMatrix.status")
                .isEqualTo("AVAILABLE")
                .jsonPath("$.programme.status")
                .isEqualTo("AVAILABLE")
                .jsonPath("$.partnerSupport.status")
                .isEqualTo("UNAVAILABLE");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // the part's 800 ms plus a margin for a busy 2-core machine; the service would have taken 5 s
        assertThat(took)
                .isGreaterThanOrEqualTo(Duration.ofMillis(Backends.PART_TIMEOUT_MILLIS))
                .isLessThan(Duration.ofMillis(Backends.PART_TIMEOUT_MILLIS + 1_500));
    }

    @Test
    void passesOnlyWhatTheContractNamesNeverExtraFields() {
        allUp();
        stub(PARTNER_PATH, okJson("""
                {"caseId":"%s","trackExists":true,"partnerName":"Made-up Person","safeNumber":"07700 900000",
                 "disclosures":[{"text":"anything"}]}""".formatted(CASE_ID)));

        String body = new String(facilitatorsView()
                .jsonPath("$.partnerSupport.status")
                .isEqualTo("AVAILABLE")
                .jsonPath("$.partnerSupport.summary.trackExists")
                .isEqualTo(true)
                .returnResult()
                .getResponseBodyContent());
        assertThat(body).doesNotContain("partnerName", "Made-up", "safeNumber", "07700", "disclosures", "anything");
    }

    @Test
    void anAnswerAboutAnotherCaseOrBreakingItsContractIsNotPassedOn() {
        allUp();
        stub(RISK_PATH, okJson(RISK_SUMMARY.replace(CASE_ID, OTHER_CASE_ID)));
        stub(PROGRAMME_PATH, okJson("{\"caseId\":\"" + CASE_ID + "\"}")); // programmes missing
        stub(PARTNER_PATH, okJson("{\"caseId\":\"" + CASE_ID + "\",\"trackExists\":\"perhaps\"}"));

        String body = new String(facilitatorsView()
                .jsonPath("$.riskMatrix.status")
                .isEqualTo("UNAVAILABLE")
                .jsonPath("$.programme.status")
                .isEqualTo("UNAVAILABLE")
                .jsonPath("$.partnerSupport.status")
                .isEqualTo("UNAVAILABLE")
                .returnResult()
                .getResponseBodyContent());
        assertThat(body).doesNotContain(OTHER_CASE_ID, "Testshire");
    }

    @Test
    void aMalformedCaseIdIsRefusedBeforeAnyServiceIsAsked() {
        allUp();
        String badCheck = CASE_ID.substring(0, CASE_ID.length() - 1) + (CASE_ID.endsWith("0") ? "1" : "0");

        assertProblem(
                        client.get()
                                .uri("/api/cases/" + badCheck)
                                .headers(headers -> headers.setBearerAuth(
                                        Tokens.forUser(UUID.randomUUID().toString(), "facilitator")))
                                .exchange(),
                        400)
                .jsonPath("$.errors[0].field")
                .isEqualTo("caseId")
                .jsonPath("$.errors[0].rule")
                .isEqualTo("CaseIdCheck");
        assertProblem(
                        client.get()
                                .uri("/api/cases/not-a-case-id")
                                .headers(headers -> headers.setBearerAuth(
                                        Tokens.forUser(UUID.randomUUID().toString(), "facilitator")))
                                .exchange(),
                        400)
                .jsonPath("$.errors[0].rule")
                .isEqualTo("CaseIdFormat");
        assertNothingForwarded();
    }

    @Test
    void anAnonymousCallerGets401() {
        assertProblem(client.get().uri("/api/cases/" + CASE_ID).exchange(), 401);
        assertNothingForwarded();
    }

    @Test
    void theBreakerOpensAfterRepeatedFailuresThenAnswersAtOnceWithoutCalling() {
        allUp();
        stub(PROGRAMME_PATH, aResponse().withStatus(500));

        for (int i = 0; i < Backends.BREAKER_WINDOW; i++) {
            facilitatorsView().jsonPath("$.programme.status").isEqualTo("UNAVAILABLE");
        }
        assertThat(breakers.circuitBreaker("programme").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(meters.get("resilience4j.circuitbreaker.state")
                        .tags("name", "programme", "state", "open")
                        .gauge()
                        .value())
                .isEqualTo(1.0);

        // the service has recovered, but the open breaker does not ask it
        stub(PROGRAMME_PATH, okJson(PROGRAMME_STATUS).withFixedDelay(5_000));
        long started = System.nanoTime();
        facilitatorsView()
                .jsonPath("$.programme.status")
                .isEqualTo("UNAVAILABLE")
                .jsonPath("$.riskMatrix.status")
                .isEqualTo("AVAILABLE");
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isLessThan(Duration.ofMillis(Backends.PART_TIMEOUT_MILLIS));
        Backends.wireMock().verify(Backends.BREAKER_WINDOW, getRequestedFor(urlPathEqualTo(PROGRAMME_PATH)));
        // the other services' breakers are their own
        assertThat(breakers.circuitBreaker("risk-matrix").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void refusalsMissingCasesAndOtherClientErrorsDoNotOpenTheBreaker() {
        stub(RISK_PATH, aResponse().withStatus(401)); // says nothing about the service's health
        stub(PROGRAMME_PATH, aResponse().withStatus(404));
        stub(PARTNER_PATH, aResponse().withStatus(403));

        for (int i = 0; i < Backends.BREAKER_WINDOW + 1; i++) {
            facilitatorsView()
                    .jsonPath("$.riskMatrix.status")
                    .isEqualTo("UNAVAILABLE")
                    .jsonPath("$.programme.status")
                    .isEqualTo("NOT_FOUND")
                    .jsonPath("$.partnerSupport.status")
                    .isEqualTo("NOT_PERMITTED");
        }
        assertThat(breakers.getAllCircuitBreakers())
                .allSatisfy(breaker -> assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED));
    }

    private void allUp() {
        stub(RISK_PATH, okJson(RISK_SUMMARY));
        stub(PROGRAMME_PATH, okJson(PROGRAMME_STATUS));
        stub(PARTNER_PATH, okJson(PARTNER_SUMMARY));
    }

    private static void stub(String path, ResponseDefinitionBuilder response) {
        Backends.wireMock().stubFor(get(urlPathEqualTo(path)).willReturn(response));
    }

    private WebTestClient.ResponseSpec view(String token) {
        return client.get()
                .uri("/api/cases/" + CASE_ID)
                .headers(headers -> headers.setBearerAuth(token))
                .exchange();
    }

    private WebTestClient.BodyContentSpec facilitatorsView() {
        return view(Tokens.forUser(UUID.randomUUID().toString(), "facilitator"))
                .expectStatus()
                .isOk()
                .expectBody();
    }
}
