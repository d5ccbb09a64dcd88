package uk.dapp.programme.caseevents;

import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.programme.alert.AlertService;
import uk.dapp.programme.alert.Disclosure;
import uk.dapp.programme.alert.PoliceIncident;
import uk.dapp.programme.api.CaseEventsApi;
import uk.dapp.programme.api.model.DashRiskAlertEventDto;
import uk.dapp.programme.api.model.EngageReferralEventDto;
import uk.dapp.programme.api.model.PoliceIncidentEventDto;
import uk.dapp.programme.api.model.RiskAlertEventDto;
import uk.dapp.programme.api.model.TrackHeldEventDto;
import uk.dapp.programme.catalogue.Pathway;
import uk.dapp.programme.catalogue.Sex;
import uk.dapp.programme.holding.TrackHoldings;
import uk.dapp.programme.referral.EngageReferrals;

/**
 * Messages from the other services' outboxes, each sent by one service account. Every one answers
 * 204 whether it had its effect now or before: the sender only needs to know it may stop sending.
 */
@RestController
class CaseEventsController implements CaseEventsApi {

    private final EngageReferrals engageReferrals;
    private final AlertService alerts;
    private final TrackHoldings trackHoldings;

    CaseEventsController(EngageReferrals engageReferrals, AlertService alerts, TrackHoldings trackHoldings) {
        this.engageReferrals = engageReferrals;
        this.alerts = alerts;
        this.trackHoldings = trackHoldings;
    }

    @Override
    @PreAuthorize("hasRole('svc-risk-matrix')")
    public ResponseEntity<Void> receiveEngageReferral(UUID messageId, EngageReferralEventDto body) {
        engageReferrals.receive(
                messageId.toString(),
                new EngageReferrals.Decision(
                        body.getCaseId(),
                        Pathway.valueOf(body.getPathway().name()),
                        RiskLevel.valueOf(body.getRiskLevel().name()),
                        body.getDecidedAt().toInstant(),
                        body.getSex() == null ? null : Sex.valueOf(body.getSex().name()),
                        body.getDateOfBirth(),
                        body.getTeam(),
                        body.getGivenName(),
                        body.getFamilyName(),
                        body.getProbationReference()));
        return ResponseEntity.noContent().build();
    }

    @Override
    @PreAuthorize("hasRole('svc-partner-support')")
    public ResponseEntity<Void> receiveRiskAlert(UUID messageId, RiskAlertEventDto body) {
        alerts.fromDisclosure(
                messageId.toString(),
                body.getCaseId(),
                new Disclosure(
                        RiskLevel.valueOf(body.getLevel().name()),
                        Disclosure.Category.valueOf(body.getCategory().name()),
                        body.getDisclosedOn()));
        return ResponseEntity.noContent().build();
    }

    @Override
    @PreAuthorize("hasRole('svc-partner-support')")
    public ResponseEntity<Void> receiveDashRiskAlert(UUID messageId, DashRiskAlertEventDto body) {
        alerts.fromPartnerDash(
                messageId.toString(),
                body.getCaseId(),
                RiskLevel.valueOf(body.getLevel().name()),
                body.getAssessedOn());
        return ResponseEntity.noContent().build();
    }

    @Override
    @PreAuthorize("hasRole('svc-risk-matrix')")
    public ResponseEntity<Void> receivePoliceIncident(UUID messageId, PoliceIncidentEventDto body) {
        alerts.fromPoliceIncident(
                messageId.toString(),
                body.getCaseId(),
                new PoliceIncident(
                        RiskLevel.valueOf(body.getLevel().name()),
                        PoliceIncident.Category.valueOf(body.getCategory().name()),
                        body.getOccurredOn()));
        return ResponseEntity.noContent().build();
    }

    @Override
    @PreAuthorize("hasRole('svc-partner-support')")
    public ResponseEntity<Void> receiveTrackHolding(UUID messageId, TrackHeldEventDto body) {
        trackHoldings.receive(CaseId.parse(body.getCaseId()), body.getTrackRef(), body.getHeld(), body.getSequence());
        return ResponseEntity.noContent().build();
    }
}
