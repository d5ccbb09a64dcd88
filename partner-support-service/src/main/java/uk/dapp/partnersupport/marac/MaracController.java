package uk.dapp.partnersupport.marac;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.partnersupport.api.MaracApi;
import uk.dapp.partnersupport.api.model.MaracActionDto;
import uk.dapp.partnersupport.api.model.MaracBasisDto;
import uk.dapp.partnersupport.api.model.MaracCriterionDto;
import uk.dapp.partnersupport.api.model.MaracOutcomeDto;
import uk.dapp.partnersupport.api.model.MaracReferralDto;
import uk.dapp.partnersupport.api.model.MaracReferralNewDto;
import uk.dapp.partnersupport.api.model.MaracReferralUpdateDto;
import uk.dapp.partnersupport.api.model.OverdueMaracReferralDto;
import uk.dapp.partnersupport.api.model.RiskLevelDto;
import uk.dapp.partnersupport.common.Inputs;
import uk.dapp.partnersupport.common.Times;

@RestController
class MaracController implements MaracApi {

    private final MaracService service;

    MaracController(MaracService service) {
        this.service = service;
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<MaracReferralDto> referToMarac(UUID trackId, MaracReferralNewDto body) {
        MaracReferral referral = service.refer(
                trackId, body.getReferredOn(), body.getMeetingOn(), body.getProfessionalJudgementReason());
        return ResponseEntity.created(URI.create("/partner-tracks/" + trackId + "/marac-referrals"))
                .body(toDto(referral));
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<List<MaracReferralDto>> listMaracReferrals(UUID trackId) {
        return ResponseEntity.ok(
                service.of(trackId).stream().map(MaracController::toDto).toList());
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<MaracReferralDto> updateMaracReferral(UUID maracReferralId, MaracReferralUpdateDto body) {
        List<MaracAction> actions = Inputs.noNullItems(body.getActions(), "actions").stream()
                .map(a -> new MaracAction(
                        a.getDescription(), a.getOwner(), a.getDueOn(), Boolean.TRUE.equals(a.getDone())))
                .toList();
        return ResponseEntity.ok(toDto(service.update(
                maracReferralId,
                body.getMeetingOn(),
                actions,
                body.getOutcome() == null
                        ? null
                        : MaracOutcome.valueOf(body.getOutcome().name()),
                body.getOutcomeNote(),
                body.getVersion())));
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<List<OverdueMaracReferralDto>> listOverdueMaracReferrals() {
        return ResponseEntity.ok(service.overdue().stream()
                .map(o -> new OverdueMaracReferralDto(
                                UUID.fromString(o.maracReferralId()),
                                UUID.fromString(o.trackId()),
                                o.caseId(),
                                o.referredOn(),
                                o.meetingDueBy(),
                                o.daysSinceReferral(),
                                o.allocatedWorker())
                        .meetingOn(o.meetingOn()))
                .toList());
    }

    static MaracReferralDto toDto(MaracReferral r) {
        MaracBasis b = r.basis();
        MaracBasisDto basis = new MaracBasisDto(b.incidentsInLast12Months())
                .dashAssessmentId(b.dashAssessmentId() == null ? null : UUID.fromString(b.dashAssessmentId()))
                .dashVersion(b.dashVersion())
                .dashCompletedOn(b.dashCompletedOn())
                .dashYesCount(b.dashYesCount())
                .dashChecklistLevel(
                        b.dashChecklistLevel() == null
                                ? null
                                : RiskLevelDto.valueOf(b.dashChecklistLevel().name()))
                .dashRiskLevel(
                        b.dashRiskLevel() == null
                                ? null
                                : RiskLevelDto.valueOf(b.dashRiskLevel().name()))
                .previousMaracReferralOn(b.previousMaracReferralOn())
                .previousMaracFrom(
                        b.previousMaracFrom() == null
                                ? null
                                : MaracBasisDto.PreviousMaracFromEnum.valueOf(
                                        b.previousMaracFrom().name()));
        return new MaracReferralDto(
                        UUID.fromString(r.maracReferralId()),
                        UUID.fromString(r.trackId()),
                        r.caseId(),
                        r.referredOn(),
                        r.criteria().stream()
                                .sorted()
                                .map(c -> MaracCriterionDto.valueOf(c.name()))
                                .toList(),
                        basis,
                        MaracRules.meetingDueBy(r.referredOn()),
                        r.actions().stream()
                                .map(a -> new MaracActionDto(a.description(), a.owner(), a.dueOn()).done(a.done()))
                                .toList(),
                        r.open(),
                        r.referredBy(),
                        Times.utc(r.referredAt()),
                        Times.utc(r.updatedAt()),
                        r.version())
                .professionalJudgementReason(r.professionalJudgementReason())
                .meetingOn(r.meetingOn())
                .meetingWithinStandard(MaracRules.meetingWithinStandard(r.referredOn(), r.meetingOn()))
                .outcome(
                        r.outcome() == null
                                ? null
                                : MaracOutcomeDto.valueOf(r.outcome().name()))
                .outcomeNote(r.outcomeNote());
    }
}
