package uk.dapp.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Keycloak-shaped access tokens signed with a key generated for the test run. */
final class Tokens {

    static final String KEY_ID = "test-key";
    static final String USERNAME = "caseworker.one";

    private static final RSAKey KEY = generate(KEY_ID);
    /** Same key ID, different key: a forged signature, not an unknown key. */
    private static final RSAKey OTHER_KEY = generate(KEY_ID);
    /** A key Keycloak might have rotated to: its ID is not in the cached key set, so the set is fetched again. */
    private static final RSAKey ROTATED_KEY = generate("rotated-key");

    private Tokens() {}

    static String jwks() {
        return new JWKSet(KEY.toPublicJWK()).toString();
    }

    static String valid() {
        return signed(KEY, claims -> claims);
    }

    /** A valid token of another person, with the realm roles given. */
    static String forUser(String subject, String... roles) {
        return signed(
                KEY,
                claims -> claims.subject(subject)
                        .claim("preferred_username", "user-" + subject)
                        .claim("realm_access", Map.of("roles", List.of(roles))));
    }

    /** Valid in every respect the gateway checks, but naming nobody. */
    static String withoutSubject() {
        return signed(KEY, claims -> claims.subject(null));
    }

    static String expired() {
        Instant past = Instant.now().minus(Duration.ofMinutes(10));
        return signed(
                KEY,
                claims ->
                        claims.issueTime(Date.from(past)).expirationTime(Date.from(past.plus(Duration.ofMinutes(5)))));
    }

    static String signedByAnotherKey() {
        return signed(OTHER_KEY, claims -> claims);
    }

    static String signedByARotatedKey() {
        return signed(ROTATED_KEY, claims -> claims);
    }

    static String wrongIssuer() {
        return signed(KEY, claims -> claims.issuer("http://127.0.0.1:1/realms/other"));
    }

    static String wrongAudience() {
        return signed(KEY, claims -> claims.audience(List.of("account", "some-other-api")));
    }

    private static String signed(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> adjust) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(Backends.issuer())
                .audience(List.of("dapp-api", "account"))
                .subject("4f0c2a6e-0000-4000-8000-000000000001")
                .claim("preferred_username", USERNAME)
                .claim("realm_access", Map.of("roles", List.of("PROBATION_PRACTITIONER")))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                adjust.apply(claims).build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(keyId)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
