package uk.dapp.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import uk.dapp.gateway.ratelimit.NanoClock;
import uk.dapp.gateway.ratelimit.RateLimiter;
import uk.dapp.gateway.ratelimit.TokenBucketRateLimiter;

/**
 * Its own context: a tiny bucket (2 requests, then one every 2.5 s), a clock the test moves, and a
 * limiter the test can break.
 */
@TestPropertySource(
        properties = {"dapp.gateway.rate-limit.capacity=2", "dapp.gateway.rate-limit.refill-per-second=0.4"})
@Import(RateLimitTest.Controls.class)
class RateLimitTest extends GatewayTest {

    static final AtomicLong NANOS = new AtomicLong(0);

    @TestConfiguration
    static class Controls {

        @Bean
        @Primary
        NanoClock testClock() {
            return NANOS::get;
        }

        /** The real limiter, unless a test breaks it. */
        @Bean
        @Primary
        BreakableLimiter breakableLimiter(TokenBucketRateLimiter real) {
            return new BreakableLimiter(real);
        }
    }

    static final class BreakableLimiter implements RateLimiter {

        private final RateLimiter real;
        private volatile RuntimeException failure;

        BreakableLimiter(RateLimiter real) {
            this.real = real;
        }

        @Override
        public Decision tryAcquire(String user) {
            if (failure != null) {
                throw failure;
            }
            return real.tryAcquire(user);
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    BreakableLimiter limiter;

    /** A fresh person per test: buckets outlive a test, people do not. */
    private final String user = UUID.randomUUID().toString();

    @BeforeEach
    void servicesAnswer() {
        Backends.wireMock().stubFor(any(anyUrl()).willReturn(okJson("{}")));
    }

    @AfterEach
    void repair() {
        limiter.failure = null;
    }

    @Test
    void aBurstPastTheCapacityGets429WithRetryAfterInWholeSecondsRoundedUp() {
        String token = Tokens.forUser(user, "facilitator");
        get(token).expectStatus().isOk();
        get(token).expectStatus().isOk();

        assertProblem(get(token).expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "3"), 429)
                .jsonPath("$.detail")
                .isEqualTo("Too many requests from this user; try again in 3 seconds");
        assertThat(Backends.downstreamRequests()).hasSize(2);

        advance(Duration.ofMillis(2499));
        get(token).expectStatus().isEqualTo(429).expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1");
        advance(Duration.ofMillis(1));
        get(token).expectStatus().isOk();
        assertThat(Backends.downstreamRequests()).hasSize(3);
    }

    @Test
    void eachUserHasTheirOwnLimit() {
        String exhausted = Tokens.forUser(user, "facilitator");
        get(exhausted).expectStatus().isOk();
        get(exhausted).expectStatus().isOk();
        get(exhausted).expectStatus().isEqualTo(429);

        String colleague = Tokens.forUser(UUID.randomUUID().toString(), "facilitator");
        get(colleague).expectStatus().isOk();
        get(colleague).expectStatus().isOk();
        // a new token of the same person is the same person
        get(Tokens.forUser(user, "facilitator")).expectStatus().isEqualTo(429);
    }

    @Test
    void aLimiterThatFailsRefusesTheRequest() {
        limiter.failure = new IllegalStateException("deliberately broken for the test");

        assertProblem(get(Tokens.forUser(user, "facilitator")), 503)
                .jsonPath("$.detail")
                .isEqualTo("Requests cannot be admitted at the moment; try again shortly");
        assertNothingForwarded();
    }

    @Test
    void aTokenNamingNobodyIsRefusedRatherThanLeftUnlimited() {
        assertProblem(get(Tokens.withoutSubject()), 503);
        assertNothingForwarded();
    }

    @Test
    void healthIsNotRateLimited() {
        for (int i = 0; i < 5; i++) {
            client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        }
    }

    private WebTestClient.ResponseSpec get(String token) {
        return client.get()
                .uri("/api/programme/referrals")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange();
    }

    private static void advance(Duration by) {
        NANOS.addAndGet(by.toNanos());
    }
}
