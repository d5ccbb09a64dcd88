package uk.dapp.gateway.caseview;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import uk.dapp.gateway.api.SubjectAccessApi;
import uk.dapp.gateway.api.model.SubjectAccessViewDto;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.security.AccessReason;

/** {@code GET /api/cases/{caseId}/subject-access}, served by the gateway itself (gateway.yaml). */
@RestController
class SubjectAccessController implements SubjectAccessApi {

    private final SubjectAccessComposer composer;

    SubjectAccessController(SubjectAccessComposer composer) {
        this.composer = composer;
    }

    @Override
    @PreAuthorize("hasRole('admin')")
    public Mono<ResponseEntity<SubjectAccessViewDto>> getSubjectAccessExport(
            String caseId, String xAccessReason, ServerWebExchange exchange) {
        CaseId id = CaseId.parse(caseId);
        // refused here, before any service is asked; each service checks it again and audits it
        String reason = AccessReason.require(xAccessReason);
        return Caller.of(exchange, reason)
                .flatMap(caller -> composer.compose(id, caller))
                .map(ResponseEntity::ok);
    }
}
