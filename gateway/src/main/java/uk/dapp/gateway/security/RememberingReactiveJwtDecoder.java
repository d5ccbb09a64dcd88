package uk.dapp.gateway.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import uk.dapp.platform.security.VerifiedTokens;

/**
 * The gateway's token decoder: a token already verified is taken from {@link VerifiedTokens} (the
 * same memory and guarantees as every service's), its claims checked again; any other is decoded in
 * full by {@code verifying} and remembered only if that succeeded. A refusal is the Mono's error,
 * never thrown, as from any reactive decoder.
 */
final class RememberingReactiveJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifying;
    private final VerifiedTokens verified;

    /**
     * @param verifying decodes a token in full: signature and the same claims {@code verified} checks
     */
    RememberingReactiveJwtDecoder(ReactiveJwtDecoder verifying, VerifiedTokens verified) {
        this.verifying = verifying;
        this.verified = verified;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known;
        try {
            known = verified.recall(token);
        } catch (JwtValidationException refused) {
            return Mono.error(refused);
        }
        if (known != null) {
            return Mono.just(known);
        }
        return verifying.decode(token).doOnNext(jwt -> verified.remember(token, jwt));
    }
}
