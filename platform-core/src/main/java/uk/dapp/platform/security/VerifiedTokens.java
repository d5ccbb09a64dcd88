package uk.dapp.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * The tokens whose signature has been verified, remembered by their exact text until they expire,
 * for the gateway ({@code RememberingReactiveJwtDecoder}) and every service
 * ({@link RememberingJwtDecoder}): a person's screens send the same token for its whole life (five
 * minutes in the realm), and parsing it and checking its RSA signature again was a tenth to a sixth
 * of the gateway's CPU per request and a tenth of a service's in profiles (issue 20).
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
public final class VerifiedTokens {

    /** At most this many tokens are remembered: a few kilobytes each, a few MB in all. */
    public static final int AT_MOST = 2_000;

    private final OAuth2TokenValidator<Jwt> claims;
    private final int maxTokens;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    /**
     * @param claims the same claim checks the full decoding makes, run again for a remembered token
     */
    public VerifiedTokens(OAuth2TokenValidator<Jwt> claims, int maxTokens, Clock clock) {
        this.claims = claims;
        this.maxTokens = maxTokens;
        this.clock = clock;
    }

    /** At most {@link #AT_MOST} tokens, expiry judged by the system clock. */
    public VerifiedTokens(OAuth2TokenValidator<Jwt> claims) {
        this(claims, AT_MOST, Clock.systemUTC());
    }

    /**
     * The token as it was decoded when its signature was verified, its claims checked again now;
     * null if it is not remembered (verify it in full, then {@link #remember} it).
     *
     * @throws JwtValidationException if its claims no longer hold (it is forgotten), as the full
     *     decoding would say
     */
    public @Nullable Jwt recall(String token) {
        Jwt known = verified.get(token);
        if (known == null) {
            return null;
        }
        OAuth2TokenValidatorResult result = claims.validate(known);
        if (result.hasErrors()) {
            verified.remove(token, known);
            throw new JwtValidationException(
                    "An error occurred while attempting to decode the Jwt: "
                            + result.getErrors().iterator().next().getDescription(),
                    result.getErrors());
        }
        return known;
    }

    /**
     * Remembers a token its decoder has just verified in full (signature and claims); never call it
     * for one that failed. Synchronised so that the bound holds when many arrive at once: a token
     * is remembered once in its life, so this is rare beside {@link #recall}, which takes no lock.
     */
    public synchronized void remember(String token, Jwt jwt) {
        if (jwt.getExpiresAt() == null) {
            return; // never happens with Keycloak's tokens; without an expiry there is no end to remembering it
        }
        if (verified.size() >= maxTokens && !verified.containsKey(token)) {
            Instant now = clock.instant();
            verified.values().removeIf(known -> !known.getExpiresAt().isAfter(now));
            if (verified.size() >= maxTokens) {
                return;
            }
        }
        verified.put(token, jwt);
    }

    /** Tokens remembered: for tests of the bound. */
    public int size() {
        return verified.size();
    }
}
