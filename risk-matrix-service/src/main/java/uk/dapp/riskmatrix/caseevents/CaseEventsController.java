package uk.dapp.riskmatrix.caseevents;

import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.riskmatrix.api.CaseEventsApi;
import uk.dapp.riskmatrix.api.model.ProgrammeEligibilityEventDto;
import uk.dapp.riskmatrix.api.model.ProgrammeExitEventDto;
import uk.dapp.riskmatrix.api.model.ReturnForDisruptionEventDto;
import uk.dapp.riskmatrix.eligibility.ProgrammeEligibility;
import uk.dapp.riskmatrix.eligibility.ProgrammeEligibilityService;
import uk.dapp.riskmatrix.routing.RoutingService;
import uk.dapp.riskmatrix.values.Pathway;
import uk.dapp.riskmatrix.values.Sex;

/**
 * Case events from the other services' outbox relays. Each answers 204 whether the event changed
 * something now, changed it before, or changes nothing here, so a sender never retries for ever
 * and never learns more than that the event was received.
 */
@RestController
class CaseEventsController implements CaseEventsApi {

    private final RoutingService routing;
    private final ProgrammeEligibilityService eligibility;

    CaseEventsController(RoutingService routing, ProgrammeEligibilityService eligibility) {
        this.routing = routing;
        this.eligibility = eligibility;
    }

    @Override
    @PreAuthorize("hasRole('svc-programme')")
    public ResponseEntity<Void> receiveProgrammeEligibility(UUID messageId, ProgrammeEligibilityEventDto body) {
        eligibility.receive(new ProgrammeEligibility(
                body.getProgrammeCode(),
                body.getProgrammeName(),
                body.getPathways().stream().map(p -> Pathway.valueOf(p.name())).toList(),
                body.getSexes().stream().map(s -> Sex.valueOf(s.name())).toList(),
                body.getMinimumAge(),
                body.getRiskLevels().stream()
                        .map(r -> RiskLevel.valueOf(r.name()))
                        .toList(),
                body.getSequence(),
                null));
        return ResponseEntity.noContent().build();
    }

    @Override
    @PreAuthorize("hasRole('svc-programme')")
    public ResponseEntity<Void> receiveReturnForDisruption(UUID messageId, ReturnForDisruptionEventDto body) {
        routing.applyReturnForDisruption(
                CaseId.parse(body.getCaseId()),
                messageId.toString(),
                body.getProgrammeCode(),
                body.getAssessedAt().toInstant());
        return ResponseEntity.noContent().build();
    }

    @Override
    @PreAuthorize("hasRole('svc-programme')")
    public ResponseEntity<Void> receiveProgrammeExit(UUID messageId, ProgrammeExitEventDto body) {
        routing.applyProgrammeExit(
                CaseId.parse(body.getCaseId()),
                messageId.toString(),
                new RoutingService.ProgrammeExit(
                        body.getProgrammeCode(),
                        body.getExitStatus().getValue(),
                        body.getNonCompliance(),
                        body.getExitedAt().toInstant()));
        return ResponseEntity.noContent().build();
    }
}
