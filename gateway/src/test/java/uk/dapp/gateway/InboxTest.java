package uk.dapp.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import uk.dapp.platform.caseid.CaseId;

/**
 * {@code GET /api/notifications} against WireMock as the three services (all three at one address
 * here, so each answers alike): the inboxes merged newest first with the service named, the unread
 * counts added up, the caller's token relayed, and a service that fails marked UNAVAILABLE while the
 * others still answer.
 */
class InboxTest extends GatewayTest {

    private static final String CASE_ID = CaseId.generate(new Random(21)).value();

    @Autowired
    CircuitBreakerRegistry breakers;

    /** Whether this JVM has answered an inbox once: the first answer loads the validator and the client. */
    private static boolean warm;

    @BeforeEach
    void warmUpThenCloseEveryBreaker() {
        if (!warm) {
            Backends.wireMock().stubFor(get(urlPathEqualTo("/notifications")).willReturn(okJson(page(0))));
            for (int i = 0; i < 3; i++) {
                inbox(Tokens.forUser(UUID.randomUUID().toString(), "facilitator"), "/api/notifications");
            }
            warm = true;
            Backends.reset();
        }
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    private static String notification(String id, String createdAt, boolean read) {
        return """
                {"notificationId":"%s","kind":"RISK_ALERT_RAISED","caseId":"%s","subject":"RISK_ALERT",
                 "subjectId":"%s","whatToDo":"Review the risk alert within 24 hours","urgent":true,
                 "createdAt":"%s","read":%s}""".formatted(id, CASE_ID, UUID.randomUUID(), createdAt, read);
    }

    private static String page(int unread, String... items) {
        return "{\"items\":[" + String.join(",", items) + "],\"page\":0,\"size\":20,\"totalItems\":" + items.length
                + ",\"totalPages\":1,\"unread\":" + unread + "}";
    }

    @Test
    void mergesEveryServicesInboxNewestFirstAndAddsUpTheUnread() {
        String older = UUID.randomUUID().toString();
        String newer = UUID.randomUUID().toString();
        Backends.wireMock()
                .stubFor(get(urlPathEqualTo("/notifications"))
                        .willReturn(okJson(page(
                                1,
                                notification(older, "2026-12-01T09:00:00Z", true),
                                notification(newer, "2026-12-02T09:00:00Z", false)))));
        String token = Tokens.forUser(UUID.randomUUID().toString(), "service-manager");

        inbox(token, "/api/notifications?size=4&unreadOnly=true")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.unread")
                .isEqualTo(3)
                .jsonPath("$.items.length()")
                .isEqualTo(4)
                .jsonPath("$.items[0].notification.notificationId")
                .isEqualTo(newer)
                .jsonPath("$.items[2].notification.notificationId")
                .isEqualTo(newer)
                .jsonPath("$.items[3].notification.notificationId")
                .isEqualTo(older)
                .jsonPath("$.items[0].service")
                .exists()
                .jsonPath("$.parts.length()")
                .isEqualTo(3)
                .jsonPath("$.parts[0]")
                .isEqualTo(Map.of("service", "risk-matrix", "status", "AVAILABLE", "unread", 1))
                .jsonPath("$.parts[1].service")
                .isEqualTo("programme")
                .jsonPath("$.parts[2].service")
                .isEqualTo("partner-support");
        List<LoggedRequest> asked = Backends.downstreamRequests();
        assertThat(asked).hasSize(3).allSatisfy(request -> {
            assertThat(request.getUrl()).isEqualTo("/notifications?page=0&size=4&unreadOnly=true");
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + token);
        });
    }

    @Test
    void aServiceThatFailsIsMarkedAndTheOthersStillAnswer() {
        Backends.wireMock()
                .stubFor(get(urlPathEqualTo("/notifications"))
                        .inScenario("one down")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(aResponse().withStatus(503))
                        .willSetStateTo("up"));
        Backends.wireMock()
                .stubFor(get(urlPathEqualTo("/notifications"))
                        .inScenario("one down")
                        .whenScenarioStateIs("up")
                        .willReturn(okJson(
                                page(1, notification(UUID.randomUUID().toString(), "2026-12-01T09:00:00Z", false)))));

        // the three are asked at once, so which of them the first (failing) answer reaches is chance
        com.jayway.jsonpath.DocumentContext answer = com.jayway.jsonpath.JsonPath.parse(
                new String(inbox(Tokens.forUser(UUID.randomUUID().toString(), "facilitator"), "/api/notifications")
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .returnResult()
                        .getResponseBodyContent()));
        List<String> statuses = answer.read("$.parts[*].status");
        long available = statuses.stream().filter("AVAILABLE"::equals).count();
        assertThat(statuses)
                .hasSize(3)
                .contains("UNAVAILABLE")
                .allMatch(s -> s.equals("AVAILABLE") || s.equals("UNAVAILABLE"));
        assertThat(((Number) answer.read("$.unread")).longValue()).isEqualTo(available);
        assertThat((List<?>) answer.read("$.items")).hasSize((int) available);
        List<Object> unreadOfTheUnavailable = answer.read("$.parts[?(@.status == 'UNAVAILABLE')].unread");
        assertThat(unreadOfTheUnavailable).isEmpty();
    }

    @Test
    void theUnreadCountIsEachServicesAddedUpAndABrokenAnswerIsNotPassedOn() {
        Backends.wireMock()
                .stubFor(get(urlPathEqualTo("/notifications/unread-count")).willReturn(okJson("{\"unread\":2}")));
        inbox(Tokens.forUser(UUID.randomUUID().toString(), "offender-manager"), "/api/notifications/unread-count")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.unread")
                .isEqualTo(6)
                .jsonPath("$.parts[1]")
                .isEqualTo(Map.of("service", "programme", "status", "AVAILABLE", "unread", 2));

        Backends.reset();
        Backends.wireMock()
                .stubFor(get(urlPathEqualTo("/notifications/unread-count")).willReturn(okJson("{\"unreadd\":2}")));
        inbox(Tokens.forUser(UUID.randomUUID().toString(), "offender-manager"), "/api/notifications/unread-count")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.unread")
                .isEqualTo(0)
                .jsonPath("$.parts[0]")
                .isEqualTo(Map.of("service", "risk-matrix", "status", "UNAVAILABLE"));
    }

    @Test
    void rolesWithoutAnInboxAreRefusedAtTheGateway() {
        for (String role : List.of("evaluator", "admin")) {
            inbox(Tokens.forUser(UUID.randomUUID().toString(), role), "/api/notifications")
                    .expectStatus()
                    .isForbidden();
        }
        assertNothingForwarded();
    }

    private WebTestClient.ResponseSpec inbox(String token, String path) {
        return client.mutate()
                .responseTimeout(Duration.ofSeconds(30))
                .build()
                .get()
                .uri(path)
                .headers(headers -> headers.setBearerAuth(token))
                .exchange();
    }
}
