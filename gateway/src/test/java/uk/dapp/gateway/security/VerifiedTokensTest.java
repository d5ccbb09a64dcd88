package uk.dapp.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedTokensTest {

    private static final Instant ISSUED = Instant.parse("2026-12-07T06:00:00Z");
    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private final MovableClock clock = new MovableClock(ISSUED.plusSeconds(1));
    private final List<String> verifiedInFull = new ArrayList<>();
    /** Verifies in full: here, any token not starting with "forged" (the signature check stands in). */
    private final ReactiveJwtDecoder verifying = token -> {
        verifiedInFull.add(token);
        return token.startsWith("forged") ? Mono.error(new BadJwtException("bad signature")) : Mono.just(jwt(token));
    };

    private final OAuth2TokenValidator<Jwt> claims = timestamps();
    private final VerifiedTokens tokens = new VerifiedTokens(verifying, claims, 2, clock);

    @Test
    void aTokenUsedAgainIsNotVerifiedAgain() {
        Jwt first = tokens.decode("token-a").block();
        Jwt again = tokens.decode("token-a").block();

        assertThat(again).isSameAs(first);
        assertThat(verifiedInFull).containsExactly("token-a");
    }

    @Test
    void anyOtherTextIsVerifiedInFull() {
        tokens.decode("token-a").block();
        tokens.decode("token-a ").block();

        assertThat(verifiedInFull).containsExactly("token-a", "token-a ");
    }

    @Test
    void aTokenThatFailedIsNotRememberedAndFailsEveryTime() {
        assertThatThrownBy(() -> tokens.decode("forged-a").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged-a").block()).isInstanceOf(BadJwtException.class);

        assertThat(verifiedInFull).containsExactly("forged-a", "forged-a");
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        tokens.decode("token-a").block();
        clock.set(ISSUED.plus(LIFETIME).plusSeconds(1));

        assertThatThrownBy(() -> tokens.decode("token-a").block())
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(tokens.size()).isZero();
    }

    @Test
    void whenFullItDropsTheExpiredAndOtherwiseVerifiesEveryTimeWithoutRemembering() {
        tokens.decode("token-a").block();
        tokens.decode("token-b").block();
        tokens.decode("token-c").block();
        tokens.decode("token-c").block();

        assertThat(tokens.size()).isEqualTo(2);
        assertThat(verifiedInFull).containsExactly("token-a", "token-b", "token-c", "token-c");

        // issued later, so still valid once a and b have expired
        clock.set(ISSUED.plus(LIFETIME).plusSeconds(1));
        tokens.decode("later-d").block();
        tokens.decode("later-d").block();

        assertThat(tokens.size()).isEqualTo(1);
        assertThat(verifiedInFull).endsWith("later-d");
        assertThat(verifiedInFull).hasSize(5);
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
