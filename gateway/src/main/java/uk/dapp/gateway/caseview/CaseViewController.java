package uk.dapp.gateway.caseview;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import uk.dapp.gateway.api.CasesApi;
import uk.dapp.gateway.api.model.CaseViewDto;
import uk.dapp.gateway.correlation.CorrelationId;
import uk.dapp.platform.caseid.CaseId;

/** {@code GET /api/cases/{caseId}}, served by the gateway itself (gateway.yaml). */
@RestController
class CaseViewController implements CasesApi {

    private static final String ROLE_PREFIX = "ROLE_";

    private final CaseViewComposer composer;

    CaseViewController(CaseViewComposer composer) {
        this.composer = composer;
    }

    @Override
    @PreAuthorize("hasAnyRole('offender-manager', 'facilitator', 'service-manager', 'partner-support-worker')")
    public Mono<ResponseEntity<CaseViewDto>> getCaseView(String caseId, ServerWebExchange exchange) {
        // the case ID filter has refused a malformed one already; parsing again gives the canonical form
        CaseId id = CaseId.parse(caseId);
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(JwtAuthenticationToken.class::isInstance)
                .cast(JwtAuthenticationToken.class)
                // no token behind a role check cannot happen; if it did, refuse rather than compose
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("no bearer token to relay")))
                .map(authentication -> new Caller(authentication.getToken().getTokenValue(),
                        realmRoles(authentication), CorrelationId.of(exchange)))
                .flatMap(caller -> composer.compose(id, caller))
                .map(ResponseEntity::ok);
    }

    private static Set<String> realmRoles(JwtAuthenticationToken authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet());
    }
}
