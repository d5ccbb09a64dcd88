package uk.dapp.partnersupport.outcome;

import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.partnersupport.api.OutcomesApi;
import uk.dapp.partnersupport.api.model.OutcomeChangeDto;
import uk.dapp.partnersupport.api.model.OutcomeMeasuresDto;
import uk.dapp.partnersupport.api.model.OutcomeNewDto;
import uk.dapp.partnersupport.api.model.OutcomePointDto;
import uk.dapp.partnersupport.api.model.OutcomeRecordDto;
import uk.dapp.partnersupport.api.model.OutcomeSummaryDto;

@RestController
class OutcomeController implements OutcomesApi {

    private final OutcomeService service;

    OutcomeController(OutcomeService service) {
        this.service = service;
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<OutcomeRecordDto> recordOutcome(UUID trackId, OutcomeNewDto body) {
        OutcomeMeasuresDto m = body.getMeasures();
        OutcomeRecord saved = service.record(
                trackId,
                OutcomePoint.valueOf(body.getPoint().name()),
                body.getRecordedOn(),
                new OutcomeMeasures(
                        m.getCessationOfAbuse(),
                        m.getRiskNow(),
                        m.getFeelingSafe(),
                        m.getQualityOfLife(),
                        m.getChildrensFear(),
                        m.getRespectfulRelationship(),
                        m.getSpaceForAction(),
                        m.getSafetyAndFreedomFromViolence(),
                        m.getSafeSharedParenting(),
                        m.getAwarenessOfSelfAndOthers(),
                        m.getSaferChildhoods()));
        return ResponseEntity.created(URI.create("/partner-tracks/" + trackId + "/outcomes"))
                .body(toDto(saved));
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<OutcomeSummaryDto> getOutcomes(UUID trackId) {
        return ResponseEntity.ok(toDto(service.of(trackId)));
    }

    static OutcomeSummaryDto toDto(OutcomeService.Summary summary) {
        return new OutcomeSummaryDto(
                UUID.fromString(summary.trackId()),
                summary.points().stream().map(OutcomeController::toDto).toList(),
                summary.changes().stream()
                        .map(c -> new OutcomeChangeDto(
                                OutcomePointDto.valueOf(c.from().name()),
                                OutcomePointDto.valueOf(c.to().name()),
                                c.changes()))
                        .toList());
    }

    static OutcomeRecordDto toDto(OutcomeRecord r) {
        OutcomeMeasures m = r.measures();
        OutcomeMeasuresDto measures = new OutcomeMeasuresDto(
                        m.cessationOfAbuse(),
                        m.riskNow(),
                        m.feelingSafe(),
                        m.qualityOfLife(),
                        m.respectfulRelationship(),
                        m.spaceForAction(),
                        m.safetyAndFreedomFromViolence(),
                        m.awarenessOfSelfAndOthers())
                .childrensFear(m.childrensFear())
                .safeSharedParenting(m.safeSharedParenting())
                .saferChildhoods(m.saferChildhoods());
        return new OutcomeRecordDto(
                UUID.fromString(r.outcomeId()),
                UUID.fromString(r.trackId()),
                OutcomePointDto.valueOf(r.point().name()),
                r.recordedOn(),
                measures,
                r.recordedBy());
    }
}
