package uk.dapp.gateway.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * A token decoder that remembers the tokens whose signature it has verified, by their exact text,
 * until they expire: a person's screens send the same token for its whole life (five minutes in
 * the realm), and parsing it and checking its RSA signature again was a tenth to a sixth of the
 * gateway's CPU per request in two profiles (issue 20).
 *
 * <p>Why this checks no less: a signature is a function of the token's exact bytes and the key, so
 * verifying the same text again with the same key set gives the same answer, and a token that
 * differs in a single character is a different key here and is verified in full. The claims
 * (expiry, not-before, issuer, audience) are checked again on every request, remembered or not, so
 * a remembered token is refused from the moment it expires, as before. Nothing is remembered for a
 * token that failed, and a token past its expiry is dropped. The key set itself was already held
 * by the decoder between fetches, so a key withdrawn from Keycloak is honoured no longer than
 * before.
 *
 * <p>Memory is bounded: at most {@code maxTokens} tokens (a few kilobytes each); when full, the
 * expired ones are dropped, and if none are, a further token is verified in full every time rather
 * than remembered, which is slower and never a different answer.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifying;
    private final OAuth2TokenValidator<Jwt> claims;
    private final int maxTokens;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    /**
     * @param verifying decodes a token in full: signature and claims
     * @param claims the same claim checks {@code verifying} makes, run again for a remembered token
     */
    VerifiedTokens(ReactiveJwtDecoder verifying, OAuth2TokenValidator<Jwt> claims, int maxTokens, Clock clock) {
        this.verifying = verifying;
        this.claims = claims;
        this.maxTokens = maxTokens;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.get(token);
        if (known == null) {
            return verifying.decode(token).doOnNext(jwt -> remember(token, jwt));
        }
        OAuth2TokenValidatorResult result = claims.validate(known);
        if (result.hasErrors()) {
            verified.remove(token, known);
            return Mono.error(new JwtValidationException(
                    "An error occurred while attempting to decode the Jwt: "
                            + result.getErrors().iterator().next().getDescription(),
                    result.getErrors()));
        }
        return Mono.just(known);
    }

    /** Tokens remembered: for tests of the bound. */
    int size() {
        return verified.size();
    }

    private void remember(String token, Jwt jwt) {
        if (jwt.getExpiresAt() == null) {
            return; // never happens with Keycloak's tokens; without an expiry there is no end to remembering it
        }
        if (verified.size() >= maxTokens) {
            Instant now = clock.instant();
            verified.values().removeIf(known -> !known.getExpiresAt().isAfter(now));
            if (verified.size() >= maxTokens) {
                return;
            }
        }
        verified.put(token, jwt);
    }
}
