package uk.dapp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the gateway tests: one running gateway (one Spring context, shared by every subclass)
 * in front of WireMock as Keycloak and as all three services, with {@link TestJoinedCases} as the
 * services' joined evaluator contributions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// a shared 2-core machine under load can take longer than the default 5 s; a request left unanswered still fails
@AutoConfigureWebTestClient(timeout = "PT20S")
@Import(TestJoinedCases.Configuration.class)
abstract class GatewayTest {

    @Autowired
    WebTestClient client;

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        Backends.registerIssuerAndTimeouts(registry);
        registry.add("dapp.services.risk-matrix.url", Backends::url);
        registry.add("dapp.services.programme.url", Backends::url);
        registry.add("dapp.services.partner-support.url", Backends::url);
        // one comparison figure, for the KPI tests
        registry.add("dapp.gateway.outcomes.comparisons.effectiveCompletionRate.figure", () -> "0.8");
        registry.add(
                "dapp.gateway.outcomes.comparisons.effectiveCompletionRate.source",
                () -> "the partnership's framework target (test)");
    }

    @BeforeEach
    void resetBackends() {
        Backends.reset();
    }

    /** The path exactly as written, percent signs and dot segments included (a URI template would encode them). */
    URI raw(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    static void assertNothingForwarded() {
        assertThat(Backends.downstreamRequests())
                .as("requests that reached a service")
                .isEmpty();
    }

    /** The gateway's own error shape; returns the body for further checks. */
    static WebTestClient.BodyContentSpec assertProblem(WebTestClient.ResponseSpec response, int status) {
        return response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(status)
                .jsonPath("$.title")
                .exists()
                .jsonPath("$.instance")
                .exists()
                .jsonPath("$.correlationId")
                .isNotEmpty();
    }
}
