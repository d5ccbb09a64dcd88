package uk.dapp.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import uk.dapp.gateway.ratelimit.RateLimiter;

/**
 * Its own context: the gateway configured as production runs it, with the buckets in a shared
 * MongoDB-wire store, refuses past the capacity with 429 as the in-memory limiter does.
 */
@TestPropertySource(
        properties = {
            "dapp.gateway.rate-limit.store=mongodb",
            "dapp.gateway.rate-limit.capacity=3",
            "dapp.gateway.rate-limit.refill-per-second=0.01"
        })
class SharedRateLimitTest extends GatewayTest {

    private static final MongoServer STORE = new MongoServer(new MemoryBackend());
    private static final int PORT = STORE.bind().getPort();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("dapp.gateway.rate-limit.mongodb-uri", () -> "mongodb://127.0.0.1:" + PORT + "/gateway");
    }

    @AfterAll
    static void stopStore() {
        STORE.shutdownNow();
    }

    @Autowired
    RateLimiter limiter;

    @BeforeEach
    void servicesAnswer() {
        Backends.wireMock().stubFor(any(anyUrl()).willReturn(okJson("{}")));
    }

    @Test
    void theSharedStoreLimitsAUserThroughTheGateway() {
        assertThat(limiter.blocks()).as("the shared limiter is in use").isTrue();
        String token = Tokens.forUser(UUID.randomUUID().toString(), "facilitator");
        for (int i = 0; i < 3; i++) {
            get(token).expectStatus().isOk();
        }
        assertProblem(get(token), 429);
        get(Tokens.forUser(UUID.randomUUID().toString(), "facilitator"))
                .expectStatus()
                .isOk();
    }

    private WebTestClient.ResponseSpec get(String token) {
        return client.get()
                .uri("/api/programme/referrals")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange();
    }
}
