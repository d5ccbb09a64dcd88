package uk.dapp.programme.suitability;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.notification.Notice;
import uk.dapp.platform.notification.NotificationKind;
import uk.dapp.platform.problem.ConflictException;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.programme.catalogue.Catalogue;
import uk.dapp.programme.catalogue.Programme;
import uk.dapp.programme.referral.Referral;
import uk.dapp.programme.referral.ReferralMachine;
import uk.dapp.programme.referral.ReferralService;
import uk.dapp.programme.referral.ReferralStatus;

/** Suitability assessments (every version kept) and motivational-interviewing sessions up to the cap. */
@Service
public class SuitabilityService {

    static final String RESOURCE = "assessment";
    static final String MI_RESOURCE = "mi-session";

    private final ReferralService referrals;
    private final Catalogue catalogue;
    private final AssessmentRepository assessments;
    private final MiSessionRepository miSessions;
    private final AuditWriter audit;
    private final Clock clock;

    SuitabilityService(
            ReferralService referrals,
            Catalogue catalogue,
            AssessmentRepository assessments,
            MiSessionRepository miSessions,
            AuditWriter audit,
            Clock clock) {
        this.referrals = referrals;
        this.catalogue = catalogue;
        this.assessments = assessments;
        this.miSessions = miSessions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records a new assessment version and moves the referral by its outcome; a referral found not
     * suitable notifies whoever referred (REFERRAL_NOT_SUITABLE). The referral is saved
     * first, under optimistic locking, so of two concurrent assessments one is refused with 409.
     */
    public Assessment assess(String referralId, Scores scores) {
        Referral referral = referrals.load(referralId);
        Programme programme = catalogue.get(referral.programmeCode());
        if (referral.status() == ReferralStatus.REFERRED || referral.status() == ReferralStatus.MOTIVATIONAL_WORK) {
            referrals.requireEligible(referral, programme, "assessment");
        }
        SuitabilityRules.Decision decision =
                SuitabilityRules.decide(scores, programme.type(), referral.miSessionsUsed(), programme.miSessionCap());
        String move = switch (decision.outcome()) {
            case SUITABLE -> ReferralMachine.ASSESSED_SUITABLE;
            case NEEDS_MOTIVATIONAL_WORK -> ReferralMachine.ASSESSED_MOTIVATIONAL_WORK;
            case NOT_SUITABLE -> ReferralMachine.ASSESSED_NOT_SUITABLE;
        };
        int version = (int) assessments.countByReferralId(referralId) + 1;
        if (decision.onwardRoute() == OnwardRoute.RISK_MATRIX_DISRUPTION) {
            referral.returnForDisruption(clock.instant()); // saved with the move below
        }
        if (decision.outcome() == SuitabilityOutcome.NOT_SUITABLE) {
            // whoever referred is told, in the same save as the move
            referral.notify(
                    Notice.of(
                            NotificationKind.REFERRAL_NOT_SUITABLE, referral.caseId(), referralId, referral.referrer()),
                    clock.instant());
        }
        referrals.systemMove(
                referral,
                move,
                "assessment version " + version + ": " + decision.outcome()
                        + (decision.reason() == null ? "" : " (" + decision.reason() + ")"));
        Assessment stored = assessments.insert(new Assessment(
                UUID.randomUUID().toString(),
                referralId,
                referral.caseId(),
                version,
                scores,
                decision.outcome(),
                decision.reason(),
                decision.onwardRoute(),
                referral.miSessionsUsed(),
                programme.miSessionCap(),
                CurrentUser.get().username(),
                clock.instant()));
        audit.record(AuditAction.CREATE, referral.caseId(), RESOURCE, stored.assessmentId());
        return stored;
    }

    public List<Assessment> versions(String referralId) {
        Referral referral = referrals.load(referralId);
        List<Assessment> found = assessments.findByReferralIdOrderByVersionAsc(referralId);
        audit.record(AuditAction.READ, referral.caseId(), RESOURCE, null);
        return found;
    }

    /** An MI session is held while the referral needs motivational work, and no more than the cap. */
    public MiSession recordMiSession(String referralId, LocalDate heldOn) {
        Referral referral = referrals.load(referralId);
        Programme programme = catalogue.get(referral.programmeCode());
        if (referral.status() != ReferralStatus.MOTIVATIONAL_WORK) {
            throw new ConflictException(
                    "Motivational-interviewing sessions are held while a referral needs"
                            + " motivational work; this one is " + referral.status(),
                    Map.of("currentStatus", referral.status().name()));
        }
        if (!SuitabilityRules.allowsAnotherMiSession(referral.miSessionsUsed(), programme.miSessionCap())) {
            throw new ConflictException(
                    "The programme's cap of " + programme.miSessionCap()
                            + " motivational-interviewing sessions is reached: reassess",
                    Map.of("miSessionCap", programme.miSessionCap(), "miSessionsUsed", referral.miSessionsUsed()));
        }
        referral.miSessionHeld();
        referrals.save(referral);
        MiSession stored = miSessions.insert(new MiSession(
                UUID.randomUUID().toString(),
                referralId,
                referral.caseId(),
                referral.miSessionsUsed(),
                programme.miSessionCap(),
                heldOn,
                CurrentUser.get().username(),
                clock.instant()));
        audit.record(AuditAction.CREATE, referral.caseId(), MI_RESOURCE, stored.miSessionId());
        return stored;
    }
}
