package uk.dapp.gateway.security;

import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import uk.dapp.gateway.correlation.AccessLog;

/**
 * Runs just after the security chain and leaves the token's subject (an opaque ID, never the
 * username, which may be a person's name) on the exchange for the access log, which runs outside
 * that chain and so cannot see the security context itself, and for the rate limit, which then
 * needs no look-up of its own in the context.
 */
@Component
@Order(AfterSecurityOrder.SUBJECT)
public class AuthenticatedSubjectFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // one operator on the security context per request: the rate limit reads the subject from the exchange
        return ReactiveSecurityContextHolder.getContext()
                .doOnNext(context -> {
                    // a token without a subject leaves none (the rate limit then refuses the request)
                    if (context.getAuthentication() instanceof JwtAuthenticationToken token
                            && token.getToken().getSubject() != null) {
                        exchange.getAttributes()
                                .put(
                                        AccessLog.USER_ID_ATTRIBUTE,
                                        token.getToken().getSubject());
                    }
                })
                .then(chain.filter(exchange));
    }
}
