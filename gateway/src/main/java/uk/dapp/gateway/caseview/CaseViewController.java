package uk.dapp.gateway.caseview;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import uk.dapp.gateway.api.CasesApi;
import uk.dapp.gateway.api.model.CaseViewDto;
import uk.dapp.platform.caseid.CaseId;

/** {@code GET /api/cases/{caseId}}, served by the gateway itself (gateway.yaml). */
@RestController
class CaseViewController implements CasesApi {

    private final CaseViewComposer composer;

    CaseViewController(CaseViewComposer composer) {
        this.composer = composer;
    }

    @Override
    @PreAuthorize("hasAnyRole('offender-manager', 'facilitator', 'service-manager', 'partner-support-worker')")
    public Mono<ResponseEntity<CaseViewDto>> getCaseView(String caseId, ServerWebExchange exchange) {
        // the case ID filter has refused a malformed one already; parsing again gives the canonical form
        CaseId id = CaseId.parse(caseId);
        return Caller.of(exchange, null)
                .flatMap(caller -> composer.compose(id, caller))
                .map(ResponseEntity::ok);
    }
}
