package uk.dapp.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import uk.dapp.platform.testsupport.ExposedMetrics;

/**
 * As in a cluster: the actuator on its own management port (which only the monitoring namespace
 * reaches), nothing of it on the port the Ingress and the web app call. The scrape holds every
 * metric k8s/monitoring lists for the gateway, rate-limit refusals counted, and never a case ID
 * or a user in a tag. A bucket of one request per user makes the second request a refusal.
 */
@TestPropertySource(
        properties = {
            "management.server.port=0",
            "dapp.gateway.rate-limit.capacity=1",
            "dapp.gateway.rate-limit.refill-per-second=0.001"
        })
class MetricsTest extends GatewayTest {

    private static final String CASE_ID = "7KQM4X-ZP9RTD-2HBWJG";

    @Value("${local.management.port}")
    int managementPort;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void servicesAnswer() {
        Backends.wireMock().stubFor(any(anyUrl()).willReturn(okJson("{}")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/actuator/prometheus",
                "/actuator",
                "/actuator/health",
                "/actuator/metrics",
                "/api/risk-matrix/actuator/prometheus",
                "/api/programme/actuator/health"
            })
    void theGatewayServesAndRoutesNoActuatorOnItsPort(String path) {
        String token = Tokens.forUser(UUID.randomUUID().toString(), "offender-manager");
        assertProblem(
                client.get().uri(raw(path)).headers(h -> h.setBearerAuth(token)).exchange(), 404);
        assertNothingForwarded();
    }

    @Test
    void theScrapeHasTheListedMetricsCountsRefusalsAndNamesNoCaseOrUser() {
        String subject = UUID.randomUUID().toString();
        String token = Tokens.forUser(subject, "offender-manager");
        client.get()
                .uri("/api/risk-matrix/nominals/{caseId}", CASE_ID)
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk();
        double refusedBefore = meters.get("dapp.gateway.rate.limit.refusals")
                .tag("reason", "too_many_requests")
                .counter()
                .count();
        client.get()
                .uri("/api/cases/{caseId}", CASE_ID)
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isEqualTo(429);
        assertThat(meters.get("dapp.gateway.rate.limit.refusals")
                        .tag("reason", "too_many_requests")
                        .counter()
                        .count())
                .isEqualTo(refusedBefore + 1);

        String scrape = management()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        ExposedMetrics.assertExposes("gateway", scrape, CASE_ID, subject, "user-" + subject);
    }

    private WebTestClient management() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + managementPort)
                .build();
    }
}
