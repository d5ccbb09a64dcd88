package uk.dapp.riskmatrix.caseevents;

import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.riskmatrix.api.CaseEventsApi;
import uk.dapp.riskmatrix.api.model.ProgrammeExitEventDto;
import uk.dapp.riskmatrix.routing.RoutingService;

/**
 * Case events from the other services' outbox relays. Each answers 204 whether the event changed
 * something now, changed it before, or changes nothing here, so a sender never retries for ever
 * and never learns more than that the event was received.
 */
@RestController
class CaseEventsController implements CaseEventsApi {

    private final RoutingService routing;

    CaseEventsController(RoutingService routing) {
        this.routing = routing;
    }

    @Override
    @PreAuthorize("hasRole('svc-programme')")
    public ResponseEntity<Void> receiveProgrammeExit(UUID messageId, ProgrammeExitEventDto body) {
        routing.applyProgrammeExit(CaseId.parse(body.getCaseId()), messageId.toString(),
                new RoutingService.ProgrammeExit(body.getProgrammeCode(), body.getExitStatus().getValue(),
                        body.getNonCompliance(), body.getExitedAt().toInstant()));
        return ResponseEntity.noContent().build();
    }
}
