package uk.dapp.platform.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * A service's token decoder: a token already verified is taken from {@link VerifiedTokens}, its
 * claims checked again; any other is decoded in full by {@code verifying} and remembered only if
 * that succeeded.
 */
public final class RememberingJwtDecoder implements JwtDecoder {

    private final JwtDecoder verifying;
    private final VerifiedTokens verified;

    /**
     * @param verifying decodes a token in full: signature and the same claims {@code verified} checks
     */
    public RememberingJwtDecoder(JwtDecoder verifying, VerifiedTokens verified) {
        this.verifying = verifying;
        this.verified = verified;
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.recall(token);
        if (known != null) {
            return known;
        }
        Jwt jwt = verifying.decode(token);
        verified.remember(token, jwt);
        return jwt;
    }
}
