package uk.dapp.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import uk.dapp.gateway.problem.ProblemWriter;

/**
 * 401 as problem+json with {@code WWW-Authenticate: Bearer} (RFC 6750: with
 * {@code error="invalid_token"} when a token came but was refused). Why it was refused (expired,
 * signature, issuer, audience) is not told to the caller.
 */
@Component
public class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private final ProblemWriter problems;

    public ProblemAuthenticationEntryPoint(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException e) {
        boolean tokenRefused = e instanceof OAuth2AuthenticationException;
        exchange.getResponse()
                .getHeaders()
                .set(HttpHeaders.WWW_AUTHENTICATE, tokenRefused ? "Bearer error=\"invalid_token\"" : "Bearer");
        return problems.write(
                exchange,
                HttpStatus.UNAUTHORIZED,
                tokenRefused ? "The bearer token is not valid" : "A valid bearer token is required");
    }
}
