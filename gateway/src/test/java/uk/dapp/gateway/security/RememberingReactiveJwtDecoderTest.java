package uk.dapp.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import uk.dapp.platform.security.VerifiedTokens;

/**
 * The gateway's reactive side of the shared token memory ({@code VerifiedTokensTest} in
 * platform-core holds the memory's own rules: bound, expiry, concurrency).
 */
class RememberingReactiveJwtDecoderTest {

    private final List<String> verifiedInFull = new ArrayList<>();
    /** Verifies in full: here, any token not starting with "forged" (the signature check stands in). */
    private final ReactiveJwtDecoder verifying = token -> {
        verifiedInFull.add(token);
        return token.startsWith("forged") ? Mono.error(new BadJwtException("bad signature")) : Mono.just(jwt(token));
    };

    /** Stands in for the clock passing the tokens' expiry. */
    private final AtomicBoolean expired = new AtomicBoolean();

    private final OAuth2TokenValidator<Jwt> claims = jwt -> expired.get()
            ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Jwt expired", null))
            : OAuth2TokenValidatorResult.success();
    private final VerifiedTokens memory = new VerifiedTokens(claims, 2, Clock.systemUTC());
    private final ReactiveJwtDecoder tokens = new RememberingReactiveJwtDecoder(verifying, memory);

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
        assertThat(memory.size()).isZero();
    }

    @Test
    void aRememberedTokenWhoseClaimsNoLongerHoldIsRefusedAsTheMonosError() {
        tokens.decode("token-a").block();
        expired.set(true);

        Mono<Jwt> refused = tokens.decode("token-a"); // not thrown on the caller's thread

        assertThatThrownBy(refused::block)
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(memory.size()).isZero();
        assertThat(verifiedInFull).containsExactly("token-a");
    }

    private static Jwt jwt(String token) {
        Instant issued = Instant.now();
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("subject-" + token)
                .issuedAt(issued)
                .expiresAt(issued.plusSeconds(300))
                .build();
    }
}
