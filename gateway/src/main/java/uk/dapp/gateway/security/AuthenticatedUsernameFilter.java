package uk.dapp.gateway.security;

import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import uk.dapp.gateway.correlation.AccessLog;
import uk.dapp.platform.security.KeycloakJwt;

/**
 * Runs just after the security chain and leaves the token's username on the exchange for the
 * access log, which runs outside that chain and so cannot see the security context itself.
 */
@Component
@Order(AfterSecurityOrder.USERNAME)
public class AuthenticatedUsernameFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(authentication -> KeycloakJwt.username(((JwtAuthenticationToken) authentication).getToken()))
                .doOnNext(username -> exchange.getAttributes().put(AccessLog.USERNAME_ATTRIBUTE, username))
                .then(chain.filter(exchange));
    }
}
