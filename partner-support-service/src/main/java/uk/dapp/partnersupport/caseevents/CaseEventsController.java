package uk.dapp.partnersupport.caseevents;

import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.partnersupport.api.CaseEventsApi;
import uk.dapp.partnersupport.api.model.PartnerReferralEventDto;
import uk.dapp.partnersupport.api.model.ProgrammeExitEventDto;
import uk.dapp.partnersupport.api.model.ReferralHeldEventDto;
import uk.dapp.partnersupport.common.Inputs;
import uk.dapp.partnersupport.holding.ReferralHoldings;
import uk.dapp.partnersupport.track.ExitStatus;
import uk.dapp.partnersupport.track.PartnerReferralIntake;
import uk.dapp.partnersupport.track.PartnerRelationship;
import uk.dapp.partnersupport.track.ProgrammeExitNotices;
import uk.dapp.platform.caseid.CaseId;

/**
 * Messages from programme-service's outbox. Each answers 204 whether the message took effect now or
 * on an earlier delivery: the sender only needs to know it may stop sending.
 */
@RestController
class CaseEventsController implements CaseEventsApi {

    private final PartnerReferralIntake referrals;
    private final ProgrammeExitNotices exits;
    private final ReferralHoldings holdings;

    CaseEventsController(PartnerReferralIntake referrals, ProgrammeExitNotices exits, ReferralHoldings holdings) {
        this.referrals = referrals;
        this.exits = exits;
        this.holdings = holdings;
    }

    @Override
    @PreAuthorize("hasRole('svc-programme')")
    public ResponseEntity<Void> receivePartnerReferral(UUID messageId, PartnerReferralEventDto body) {
        referrals.receive(
                messageId,
                new PartnerReferralIntake.Referral(
                        CaseId.parse(body.getCaseId()),
                        body.getReferralId(),
                        body.getProgrammeCode(),
                        body.getReferredAt().toInstant(),
                        Inputs.noNullItems(body.getPartners(), "partners").stream()
                                .map(p -> new PartnerReferralIntake.ReferredPartner(
                                        PartnerRelationship.valueOf(
                                                p.getRelationship().name()),
                                        p.getName(),
                                        p.getPhone()))
                                .toList(),
                        body.getTeam()));
        return ResponseEntity.noContent().build();
    }

    @Override
    @PreAuthorize("hasRole('svc-programme')")
    public ResponseEntity<Void> receiveProgrammeExit(UUID messageId, ProgrammeExitEventDto body) {
        exits.receive(
                messageId,
                new ProgrammeExitNotices.ProgrammeExit(
                        CaseId.parse(body.getCaseId()),
                        body.getReferralId(),
                        body.getProgrammeCode(),
                        ExitStatus.valueOf(body.getExitStatus().name()),
                        body.getNonCompliance(),
                        body.getExitedAt().toInstant()));
        return ResponseEntity.noContent().build();
    }

    @Override
    @PreAuthorize("hasRole('svc-programme')")
    public ResponseEntity<Void> receiveReferralHolding(UUID messageId, ReferralHeldEventDto body) {
        holdings.receive(CaseId.parse(body.getCaseId()), body.getReferralId(), body.getHeld(), body.getSequence());
        return ResponseEntity.noContent().build();
    }
}
