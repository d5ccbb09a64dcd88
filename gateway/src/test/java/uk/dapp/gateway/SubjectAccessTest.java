package uk.dapp.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import uk.dapp.platform.caseid.CaseId;

/**
 * {@code GET /api/cases/{caseId}/subject-access} against WireMock as the three services: admins
 * only, a stated reason relayed to every service, each document with its part status. Every
 * service serves its export at the same path, so here each has its own base path on the one
 * WireMock to tell them apart: a gateway of its own (GatewayTest's points all three at one).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// a shared 2-core machine under load can take longer than the default 5 s; a request left unanswered still fails
@AutoConfigureWebTestClient(timeout = "PT20S")
class SubjectAccessTest {

    private static final String CASE_ID = CaseId.generate(new Random(21)).value();
    private static final String OTHER_CASE_ID = CaseId.generate(new Random(22)).value();
    private static final String REASON = "SAR 2026/0501 (identity verified)";
    private static final String PATH = "/cases/" + CASE_ID + "/subject-access";

    private static final String EXPORT = """
            {"generatedAt":"2026-11-23T10:00:00Z","reason":"%s","auditTrail":[{"id":"a1","at":"2026-11-01T09:00:00Z",
             "userId":"u1","username":"om-1","roles":["offender-manager"],"caseId":"%s","action":"CREATE",
             "resourceType":"nominal"}]}""".formatted(REASON, CASE_ID);
    private static final String COMPONENT = "{\"value\":1,\"points\":2,\"basis\":\"b\"}";

    private static String riskMatrix(String caseId) {
        return """
                {"caseId":"%s","export":%s,
                 "nominal":{"caseId":"%s","givenName":"Gatewayo","familyName":"Exportman","dateOfBirth":"1980-05-05",
                            "policeId":"21/1234567G","area":"Testshire","createdAt":"2026-10-01T09:00:00Z","version":3},
                 "incidents":[],
                 "score":{"caseId":"%s","total":8,"recency":%s,"frequency":%s,"gravity":%s,"victims":%s,"harmDays":0,
                          "serial":false,"serialBasis":"none","referenceVersion":1,"windowMonths":12,
                          "asOf":"2026-11-01","calculatedAt":"2026-11-01T09:00:00Z","incidents":[]},
                 "scoreHistory":[],
                 "routing":{"caseId":"%s","status":"AWAITING_DECISION","allowedMoves":[],"history":[],"tasks":[]}}""".formatted(caseId, EXPORT, caseId, caseId, COMPONENT, COMPONENT, COMPONENT, COMPONENT, caseId);
    }

    private static final String PROGRAMME = """
            {"caseId":"%s","export":%s,"referrals":[],"assessments":[],"miSessions":[],"attendance":[],"alerts":[],
             "reviews":[]}""".formatted(CASE_ID, EXPORT);
    private static final String PARTNER_SUPPORT = """
            {"caseId":"%s","export":%s,"partnerTracks":2,"programmeReferrals":[],"programmeExits":[]}""".formatted(CASE_ID, EXPORT);

    private static final List<String> SERVICES = List.of("risk-matrix", "programme", "partner-support");

    @Autowired
    WebTestClient client;

    @Autowired
    CircuitBreakerRegistry breakers;

    @DynamicPropertySource
    static void oneBasePathPerService(DynamicPropertyRegistry registry) {
        Backends.registerIssuerAndTimeouts(registry);
        for (String service : SERVICES) {
            registry.add("dapp.services." + service + ".url", () -> Backends.url() + "/" + service);
        }
    }

    @BeforeEach
    void resetBackendsAndBreakers() {
        Backends.reset();
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    private static void answer(String service, ResponseDefinitionBuilder answer) {
        Backends.wireMock().stubFor(get(urlPathEqualTo("/" + service + PATH)).willReturn(answer));
    }

    private static void allAnswer() {
        answer("risk-matrix", okJson(riskMatrix(CASE_ID)));
        answer("programme", okJson(PROGRAMME));
        answer("partner-support", okJson(PARTNER_SUPPORT));
    }

    private WebTestClient.ResponseSpec export(String role, String reason) {
        return client.get()
                .uri("/api/cases/" + CASE_ID + "/subject-access")
                .headers(headers -> {
                    headers.setBearerAuth(Tokens.forUser(UUID.randomUUID().toString(), role));
                    if (reason != null) {
                        headers.set("X-Access-Reason", reason);
                    }
                })
                .exchange();
    }

    @Test
    void anAdminGetsEveryServicesExportAskedWithTheirTokenAndReason() {
        allAnswer();
        String token = Tokens.forUser(UUID.randomUUID().toString(), "admin");
        client.get()
                .uri("/api/cases/" + CASE_ID + "/subject-access")
                .headers(headers -> {
                    headers.setBearerAuth(token);
                    headers.set("X-Access-Reason", REASON);
                })
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.caseId")
                .isEqualTo(CASE_ID)
                .jsonPath("$.riskMatrix.status")
                .isEqualTo("AVAILABLE")
                .jsonPath("$.riskMatrix.document.nominal.familyName")
                .isEqualTo("Exportman")
                .jsonPath("$.riskMatrix.document.export.reason")
                .isEqualTo(REASON)
                .jsonPath("$.riskMatrix.document.export.auditTrail[0].resourceType")
                .isEqualTo("nominal")
                .jsonPath("$.programme.status")
                .isEqualTo("AVAILABLE")
                .jsonPath("$.programme.document.referrals")
                .isEmpty()
                .jsonPath("$.partnerSupport.status")
                .isEqualTo("AVAILABLE")
                .jsonPath("$.partnerSupport.document.partnerTracks")
                .isEqualTo(2);

        List<LoggedRequest> asked = Backends.downstreamRequests();
        assertThat(asked)
                .extracting(LoggedRequest::getUrl)
                .containsExactlyInAnyOrder("/risk-matrix" + PATH, "/programme" + PATH, "/partner-support" + PATH);
        assertThat(asked).allSatisfy(request -> {
            assertThat(request.getHeader(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
            assertThat(request.getHeader("X-Access-Reason")).isEqualTo(REASON);
        });
    }

    @Test
    void aServiceHoldingNothingIsNotFoundAndOneFailingIsUnavailable() {
        answer("risk-matrix", okJson(riskMatrix(CASE_ID)));
        answer("programme", notFound());
        answer("partner-support", serverError());
        export("admin", REASON)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.riskMatrix.status")
                .isEqualTo("AVAILABLE")
                .jsonPath("$.programme")
                .isEqualTo(Map.of("status", "NOT_FOUND"))
                .jsonPath("$.partnerSupport")
                .isEqualTo(Map.of("status", "UNAVAILABLE"));
    }

    @Test
    void aDocumentAboutAnotherCaseOrBreakingItsContractIsNotPassedOn() {
        allAnswer();
        answer("risk-matrix", okJson(riskMatrix(OTHER_CASE_ID)));
        // without its required export header
        answer("programme", okJson(PROGRAMME.replace("\"export\":" + EXPORT + ",", "")));
        export("admin", REASON)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.riskMatrix")
                .isEqualTo(Map.of("status", "UNAVAILABLE"))
                .jsonPath("$.programme")
                .isEqualTo(Map.of("status", "UNAVAILABLE"))
                .jsonPath("$.partnerSupport.status")
                .isEqualTo("AVAILABLE");
    }

    @Test
    void exportFailuresDoNotOpenTheCaseViewsBreakers() {
        answer("risk-matrix", serverError());
        answer("programme", serverError());
        answer("partner-support", serverError());
        for (int i = 0; i < Backends.BREAKER_WINDOW + 1; i++) {
            export("admin", REASON).expectStatus().isOk();
        }
        assertThat(breakers.circuitBreaker("risk-matrix-subject-access").getState())
                .isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breakers.circuitBreaker("risk-matrix").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "too short", "x"})
    void aMissingOrShortReasonIs400NamingTheHeaderAndNoServiceIsAsked(String reason) {
        allAnswer();
        GatewayTest.assertProblem(export("admin", reason.isEmpty() ? null : reason), 400)
                .jsonPath("$.errors[0].field")
                .isEqualTo("X-Access-Reason");
        GatewayTest.assertNothingForwarded();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"offender-manager", "facilitator", "service-manager", "partner-support-worker", "evaluator"})
    void everyOtherRoleIsRefusedAndNoServiceIsAsked(String role) {
        allAnswer();
        GatewayTest.assertProblem(export(role, REASON), 403);
        GatewayTest.assertNothingForwarded();
    }

    @Test
    void aMistypedCaseIdIsRefusedBeforeAnyServiceIsAsked() {
        allAnswer();
        String mistyped = CASE_ID.substring(0, 17) + (CASE_ID.endsWith("A") ? "B" : "A");
        GatewayTest.assertProblem(
                        client.get()
                                .uri("/api/cases/" + mistyped + "/subject-access")
                                .headers(headers -> {
                                    headers.setBearerAuth(
                                            Tokens.forUser(UUID.randomUUID().toString(), "admin"));
                                    headers.set("X-Access-Reason", REASON);
                                })
                                .exchange(),
                        400)
                .jsonPath("$.errors[0].field")
                .isEqualTo("caseId");
        GatewayTest.assertNothingForwarded();
    }
}
