package uk.dapp.gateway.caseview;

import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import uk.dapp.gateway.correlation.CorrelationId;

/**
 * Who asked: their own bearer token (relayed unchanged, so each service decides on it), their
 * realm roles (used only to skip a service that would refuse them anyway) and, for an admin's read
 * of casework, the reason they stated (relayed for each service to check and audit).
 */
public record Caller(
        String token,
        Set<String> roles,
        String correlationId,
        @Nullable String accessReason) {

    private static final String ROLE_PREFIX = "ROLE_";

    public Caller {
        roles = Set.copyOf(roles);
    }

    public Caller(String token, Set<String> roles, String correlationId) {
        this(token, roles, correlationId, null);
    }

    /** The authenticated caller of this exchange; no bearer token behind a role check cannot happen, and is refused. */
    public static Mono<Caller> of(ServerWebExchange exchange, @Nullable String accessReason) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(JwtAuthenticationToken.class::isInstance)
                .cast(JwtAuthenticationToken.class)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("no bearer token to relay")))
                .map(authentication -> new Caller(
                        authentication.getToken().getTokenValue(),
                        realmRoles(authentication),
                        CorrelationId.of(exchange),
                        accessReason));
    }

    private static Set<String> realmRoles(JwtAuthenticationToken authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String toString() {
        // never the token, nor the reason (free text)
        return "Caller[roles=" + roles + ", correlationId=" + correlationId + "]";
    }
}
