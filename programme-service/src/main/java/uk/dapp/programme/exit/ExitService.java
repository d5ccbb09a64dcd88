package uk.dapp.programme.exit;

import java.time.Clock;
import org.springframework.stereotype.Service;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.platform.status.StatusMachine;
import uk.dapp.programme.catalogue.Catalogue;
import uk.dapp.programme.catalogue.Programme;
import uk.dapp.programme.enrolment.EnrolmentService;
import uk.dapp.programme.referral.ExitRecord;
import uk.dapp.programme.referral.Referral;
import uk.dapp.programme.referral.ReferralMachine;
import uk.dapp.programme.referral.ReferralService;
import uk.dapp.programme.session.SessionService;

/**
 * The moves a person asks for: withdraw, resume after a compliance review, and the exits
 * (complete, drop-out, exclude, transfer, breach) with their outcome record. A closed referral frees
 * its group place or caseload slot. Exit is the hook where the later flows attach (partner support
 * is told of every exit; an exit for non-compliance goes back to the risk matrix).
 */
@Service
public class ExitService {

    /** The outcome record an exit asks for. */
    public record Outcome(String summary, RiskLevel riskLevelAtExit) {}

    private final ReferralService referrals;
    private final Catalogue catalogue;
    private final SessionService sessions;
    private final EnrolmentService enrolment;
    private final Clock clock;

    ExitService(
            ReferralService referrals,
            Catalogue catalogue,
            SessionService sessions,
            EnrolmentService enrolment,
            Clock clock) {
        this.referrals = referrals;
        this.catalogue = catalogue;
        this.sessions = sessions;
        this.enrolment = enrolment;
        this.clock = clock;
    }

    public Referral move(String referralId, String move, String reason, Outcome outcome, Long expectedVersion) {
        Referral referral = referrals.load(referralId);
        // the machine first: an illegal or system-only move answers 409 naming the allowed moves
        ReferralMachine.MACHINE.next(referral.status(), move, StatusMachine.Actor.PERSON);
        if (ReferralMachine.EXITS.contains(move)) {
            Programme programme = catalogue.get(referral.programmeCode());
            int attended = sessions.sessionsAttended(referralId);
            ExitRules.check(move, referral.mandated(), attended, programme.sessionCount(), outcome != null);
            referral.exited(new ExitRecord(
                    move,
                    ReferralMachine.MACHINE.next(referral.status(), move, StatusMachine.Actor.PERSON),
                    reason,
                    outcome.summary(),
                    outcome.riskLevelAtExit(),
                    attended,
                    programme.sessionCount(),
                    CurrentUser.get().username(),
                    clock.instant()));
        }
        referral.expectVersion(expectedVersion);
        Referral moved = referrals.personMove(referral, move, reason);
        if (!moved.status().isOpen()) {
            enrolment.release(moved);
        }
        return moved;
    }
}
