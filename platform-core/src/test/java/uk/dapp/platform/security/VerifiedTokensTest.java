package uk.dapp.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** The token memory, through the services' decoder (the gateway's reactive one has its own test). */
class VerifiedTokensTest {

    private static final Instant ISSUED = Instant.parse("2026-12-07T06:00:00Z");
    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private final MovableClock clock = new MovableClock(ISSUED.plusSeconds(1));
    private final List<String> verifiedInFull = Collections.synchronizedList(new ArrayList<>());
    /** Verifies in full: here, any token not starting with "forged" (the signature check stands in). */
    private final JwtDecoder verifying = token -> {
        verifiedInFull.add(token);
        if (token.startsWith("forged")) {
            throw new BadJwtException("bad signature");
        }
        return jwt(token);
    };

    private final OAuth2TokenValidator<Jwt> claims = timestamps();
    private final VerifiedTokens memory = new VerifiedTokens(claims, 2, clock);
    private final JwtDecoder tokens = new RememberingJwtDecoder(verifying, memory);

    @Test
    void aTokenUsedAgainIsNotVerifiedAgain() {
        Jwt first = tokens.decode("token-a");
        Jwt again = tokens.decode("token-a");

        assertThat(again).isSameAs(first);
        assertThat(verifiedInFull).containsExactly("token-a");
    }

    @Test
    void anyOtherTextIsVerifiedInFull() {
        tokens.decode("token-a");
        tokens.decode("token-a ");
        tokens.decode("token-b");

        assertThat(verifiedInFull).containsExactly("token-a", "token-a ", "token-b");
    }

    @Test
    void aTokenDifferingInOneCharacterFromARememberedOneIsVerifiedInFullAndCanFail() {
        tokens.decode("token-a");

        // same length, one character changed: the full check runs and refuses it
        assertThatThrownBy(() -> tokens.decode("forged-a")).isInstanceOf(BadJwtException.class);
        assertThat(tokens.decode("token-b").getTokenValue()).isEqualTo("token-b");
        assertThat(verifiedInFull).containsExactly("token-a", "forged-a", "token-b");
    }

    @Test
    void aTokenThatFailedIsNotRememberedAndFailsEveryTime() {
        assertThatThrownBy(() -> tokens.decode("forged-a")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged-a")).isInstanceOf(BadJwtException.class);

        assertThat(verifiedInFull).containsExactly("forged-a", "forged-a");
        assertThat(memory.size()).isZero();
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        tokens.decode("token-a");
        clock.set(ISSUED.plus(LIFETIME).plusSeconds(1));

        assertThatThrownBy(() -> tokens.decode("token-a"))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(memory.size()).isZero();
        assertThat(verifiedInFull).containsExactly("token-a");
    }

    @Test
    void whenFullItDropsTheExpiredAndOtherwiseVerifiesEveryTimeWithoutRemembering() {
        tokens.decode("token-a");
        tokens.decode("token-b");
        tokens.decode("token-c");
        tokens.decode("token-c");

        assertThat(memory.size()).isEqualTo(2);
        assertThat(verifiedInFull).containsExactly("token-a", "token-b", "token-c", "token-c");

        // issued later, so still valid once a and b have expired
        clock.set(ISSUED.plus(LIFETIME).plusSeconds(1));
        tokens.decode("later-d");
        tokens.decode("later-d");

        assertThat(memory.size()).isEqualTo(1);
        assertThat(verifiedInFull).endsWith("later-d");
        assertThat(verifiedInFull).hasSize(5);
    }

    @Test
    void manyThreadsAtOnceGetTheRightAnswerEachTimeAndTheBoundHolds() throws Exception {
        VerifiedTokens bounded = new VerifiedTokens(claims, 5, clock);
        JwtDecoder shared = new RememberingJwtDecoder(verifying, bounded);
        int threads = 8;
        int rounds = 2_000;
        AtomicInteger refused = new AtomicInteger();
        Map<String, Jwt> firstAnswer = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < rounds; i++) {
                        // twelve valid tokens (more than the bound) and a forged one, in every order
                        int n = (i * 7 + thread) % 13;
                        String token = n == 12 ? "forged-x" : "token-" + n;
                        try {
                            Jwt jwt = shared.decode(token);
                            assertThat(jwt.getTokenValue()).isEqualTo(token);
                            firstAnswer.putIfAbsent(token, jwt);
                        } catch (BadJwtException e) {
                            assertThat(token).isEqualTo("forged-x");
                            refused.incrementAndGet();
                        }
                        assertThat(bounded.size()).isLessThanOrEqualTo(5);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(firstAnswer).hasSize(12);
        assertThat(refused.get()).isPositive();
        assertThat(bounded.size()).isEqualTo(5);
        // every forged attempt was verified in full (and refused), never answered from memory
        assertThat(verifiedInFull.stream().filter("forged-x"::equals).count()).isEqualTo(refused.get());
    }

    private Jwt jwt(String token) {
        Instant issued = token.startsWith("later") ? clock.instant() : ISSUED;
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("subject-" + token)
                .issuedAt(issued)
                .expiresAt(issued.plus(LIFETIME))
                .build();
    }

    private OAuth2TokenValidator<Jwt> timestamps() {
        JwtTimestampValidator validator = new JwtTimestampValidator(Duration.ZERO);
        validator.setClock(clock);
        return validator;
    }

    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
