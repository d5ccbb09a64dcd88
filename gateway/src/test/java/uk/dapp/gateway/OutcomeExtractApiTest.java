package uk.dapp.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.privacy.Pseudonymiser;

/**
 * {@code GET /api/outcomes/extract} against WireMock as the three services, each at its own base
 * path: the evaluator's token and one snapshot relayed on both passes, the rows joined and
 * pseudonymised, the statement in the headers, 503 before anything is sent when a service fails
 * in the first pass, 400 naming the parameter and rule.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// a shared 2-core machine under load can take longer than the default 5 s; a request left unanswered still fails
@AutoConfigureWebTestClient(timeout = "PT20S")
class OutcomeExtractApiTest {

    private static final String PATH = "/api/outcomes/extract";
    private static final String[] SERVICES = {"risk-matrix", "programme", "partner-support"};
    private static final String EVALUATOR = Tokens.forUser(UUID.randomUUID().toString(), "evaluator");

    @Autowired
    WebTestClient client;

    private final List<String> caseIds = new ArrayList<>();

    @DynamicPropertySource
    static void oneBasePathPerService(DynamicPropertyRegistry registry) {
        Backends.registerIssuerAndTimeouts(registry);
        for (String service : SERVICES) {
            registry.add("dapp.services." + service + ".url", () -> Backends.url() + "/extract-" + service);
        }
        registry.add("dapp.gateway.outcomes.idle-timeout", () -> "2s");
    }

    @BeforeEach
    void twelveCasesInEveryService() {
        Backends.reset();
        Random random = new Random(11);
        for (int i = 0; i < 12; i++) {
            caseIds.add(CaseId.generate(random).value());
        }
        caseIds.sort(null);
        stub("risk-matrix", id -> """
                {"caseId":"%s","ageBand":"28-32","area":"Northshire","decisionMonth":"2026-05","routingDecision":"ENGAGE",\
                "harmBefore":365,"harmAfter":30,"repeatIncidentsAfter":0,"followUpMonths":5}""".formatted(id));
        stub("programme", id -> """
                {"caseId":"%s","sex":"MALE","referralMonth":"2026-05","programmeCode":"CHANGE-GROUP",\
                "referralSource":"RISK_MATRIX","mandated":true,"suitabilityOutcome":"SUITABLE","sessionsAttended":3,\
                "sessionsRequired":22,"exitReason":null,"referrals":1}""".formatted(id));
        stub("partner-support", id -> """
                {"caseId":"%s","partnerTracks":1,"outcomesComparedTo":null,"dashLevelAtIntake":"HIGH",\
                "dashLevelAtExit":null}""".formatted(id));
    }

    private void stub(String service, java.util.function.Function<String, String> row) {
        String body = caseIds.stream().map(row).collect(Collectors.joining("\n", "", "\n"));
        Backends.wireMock()
                .stubFor(get(urlPathEqualTo("/extract-" + service + "/evaluator/contributions"))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/x-ndjson")
                                .withBody(body)));
    }

    private WebTestClient.ResponseSpec extract(String query, String token) {
        return client.get()
                .uri(PATH + query)
                .headers(headers -> headers.setBearerAuth(token))
                .exchange();
    }

    @Test
    void anEvaluatorGetsOneRowPerCaseUnderPseudonymsWithTheStatementInTheHeaders() {
        EntityExchangeResult<byte[]> result =
                extract("", EVALUATOR).expectStatus().isOk().expectBody().returnResult();
        HttpHeaders headers = result.getResponseHeaders();
        String csv = new String(result.getResponseBodyContent(), StandardCharsets.UTF_8);

        assertThat(headers.getContentType().toString()).startsWith("text/csv");
        assertThat(headers.getContentDisposition().isAttachment()).isTrue();
        assertThat(headers.getFirst("X-Extract-K")).isEqualTo("5");
        assertThat(headers.getFirst("X-Extract-Total-Rows")).isEqualTo("12");
        assertThat(headers.getFirst("X-Extract-Suppressed-Rows")).isEqualTo("0");
        assertThat(headers.getFirst("X-Extract-Statement")).contains("k-anonymity with k = 5");
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(13);
        lines.subList(1, 13).forEach(line -> {
            assertThat(Pseudonymiser.looksLikePseudonym(line.substring(0, line.indexOf(','))))
                    .isTrue();
            // twelve people alike in every outcome: each sensitive outcome is withheld (l-diversity)
            assertThat(line)
                    .contains(",28-32,MALE,NORTHSHIRE,2026-05,CHANGE-GROUP,RISK_MATRIX,TRUE,ENGAGE,,,,,,5,,3,22,,1,1,");
        });
        caseIds.forEach(id -> assertThat(csv).doesNotContain(id));

        // both passes asked every service, with the evaluator's own token and one snapshot
        List<LoggedRequest> asked = Backends.downstreamRequests();
        assertThat(asked).hasSize(6);
        assertThat(asked).allSatisfy(request -> {
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + EVALUATOR);
            assertThat(request.queryParameter("asOf").firstValue())
                    .isEqualTo(asked.get(0).queryParameter("asOf").firstValue());
        });
    }

    @Test
    void theJsonFormIsOneDocumentCompletedLast() {
        byte[] body = extract("?format=json&asOf=2026-10-31T23:00:00Z&k=6", EVALUATOR)
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("application/json")
                .expectBody()
                .returnResult()
                .getResponseBodyContent();
        JsonNode json = JsonMapper.builder().build().readTree(body);

        assertThat(json.get("asOf").asString()).isEqualTo("2026-10-31T23:00Z");
        assertThat(json.get("k").asInt()).isEqualTo(6);
        assertThat(json.get("rows")).hasSize(12);
        // the same DASH level for all twelve: withheld (l-diversity), and the statement says so
        assertThat(json.get("rows").get(0).get("dashLevelAtIntake").isNull()).isTrue();
        assertThat(json.get("statement").asString()).contains("l-diversity with l = 2");
        assertThat(json.get("complete").asBoolean()).isTrue();
        assertThat(Backends.downstreamRequests())
                .allSatisfy(request ->
                        assertThat(request.queryParameter("asOf").firstValue()).isEqualTo("2026-10-31T23:00Z"));
    }

    @Test
    void aServiceFailingInTheFirstPassGivesA503NamingItAndNothingElse() {
        Backends.wireMock()
                .stubFor(get(urlPathEqualTo("/extract-programme/evaluator/contributions"))
                        .atPriority(1)
                        .willReturn(serverError()));

        GatewayTest.assertProblem(extract("", EVALUATOR), 503)
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains("programme"));
    }

    @Test
    void aServiceThatStallsCountsAsUnavailable() {
        Backends.wireMock()
                .stubFor(get(urlPathEqualTo("/extract-partner-support/evaluator/contributions"))
                        .atPriority(1)
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/x-ndjson")
                                .withBody("")
                                .withFixedDelay(4_000)));

        GatewayTest.assertProblem(extract("", EVALUATOR), 503)
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains("partner-support"));
    }

    @Test
    void badParametersAreRefusedNamingTheParameterAndRule() {
        GatewayTest.assertProblem(extract("?asOf=2999-01-01T00:00:00Z", EVALUATOR), 400)
                .jsonPath("$.errors[0].field")
                .isEqualTo("asOf")
                .jsonPath("$.errors[0].rule")
                .isEqualTo("NotInFuture");
        GatewayTest.assertProblem(extract("?k=3", EVALUATOR), 400)
                .jsonPath("$.errors[0].field")
                .isEqualTo("k");
        GatewayTest.assertProblem(extract("?format=xml", EVALUATOR), 400)
                .jsonPath("$.errors[0].field")
                .isEqualTo("format");
        assertThat(Backends.downstreamRequests()).isEmpty();
    }

    @Test
    void noOtherRoleGetsIt() {
        for (String role : uk.dapp.platform.security.Roles.ALL) {
            if (!role.equals("evaluator")) {
                GatewayTest.assertProblem(
                        extract("", Tokens.forUser(UUID.randomUUID().toString(), role)), 403);
            }
        }
        assertThat(Backends.downstreamRequests()).isEmpty();
    }
}
