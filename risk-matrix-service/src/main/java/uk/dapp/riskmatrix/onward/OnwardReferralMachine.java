package uk.dapp.riskmatrix.onward;

import static uk.dapp.riskmatrix.values.OnwardReferralStatus.ACCEPTED;
import static uk.dapp.riskmatrix.values.OnwardReferralStatus.COMPLETED;
import static uk.dapp.riskmatrix.values.OnwardReferralStatus.DECLINED;
import static uk.dapp.riskmatrix.values.OnwardReferralStatus.MADE;
import static uk.dapp.riskmatrix.values.OnwardReferralStatus.WITHDRAWN;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.status.StatusMachine;
import uk.dapp.riskmatrix.values.OnwardReferral;
import uk.dapp.riskmatrix.values.OnwardReferralStatus;

/**
 * An onward referral's status machine and its rules, declared once: the service answers MADE with
 * ACCEPTED or DECLINED; an accepted one ends COMPLETED; either open status may be WITHDRAWN. A final
 * status says what came of it (the outcome), as the Engage route tracks each option to its end.
 */
public final class OnwardReferralMachine {

    public static final String ACCEPT = "accept";
    public static final String DECLINE = "decline";
    public static final String COMPLETE = "complete";
    public static final String WITHDRAW = "withdraw";

    public static final StatusMachine<OnwardReferralStatus> MACHINE = StatusMachine.of(
                    "onward referral", OnwardReferralStatus.class)
            .allow(MADE, ACCEPT, ACCEPTED)
            .allow(MADE, DECLINE, DECLINED)
            .allow(MADE, WITHDRAW, WITHDRAWN)
            .allow(ACCEPTED, COMPLETE, COMPLETED)
            .allow(ACCEPTED, WITHDRAW, WITHDRAWN)
            .build();

    /** The move that reaches each status. */
    private static final Map<OnwardReferralStatus, String> MOVE_TO =
            Map.of(ACCEPTED, ACCEPT, DECLINED, DECLINE, COMPLETED, COMPLETE, WITHDRAWN, WITHDRAW);

    private OnwardReferralMachine() {}

    /** The move that takes a referral to {@code status}; MADE is reached only by making one. */
    public static String moveTo(OnwardReferralStatus status) {
        String move = MOVE_TO.get(status);
        if (move == null) {
            throw new RuleViolationException("status", "NotAMove", "a referral is MADE only by making it");
        }
        return move;
    }

    /** The statuses a referral in {@code status} may move to next. */
    public static List<OnwardReferralStatus> allowedStatuses(OnwardReferralStatus status) {
        return MACHINE.transitions().stream()
                .filter(t -> t.from() == status)
                .map(StatusMachine.Transition::to)
                .toList();
    }

    /** The dates of a new referral: made today or before, followed up no earlier than it was made. */
    public static void checkNew(LocalDate madeOn, LocalDate followUpDate, LocalDate today) {
        if (madeOn.isAfter(today)) {
            throw new RuleViolationException("madeOn", "NotInFuture", "a referral is made today or before");
        }
        if (followUpDate.isBefore(madeOn)) {
            throw new RuleViolationException(
                    "followUpDate", "NotBeforeMadeOn", "the follow-up is on or after the day the referral was made");
        }
    }

    /**
     * What a move needs: a final status says what came of it; an accepted referral's next follow-up is not
     * in the past. Answers the follow-up date the referral keeps.
     */
    public static LocalDate checkMove(
            OnwardReferral referral, OnwardReferralStatus to, String outcome, LocalDate nextFollowUp, LocalDate today) {
        if (!to.open() && (outcome == null || outcome.isBlank())) {
            throw new RuleViolationException(
                    "outcome", "OutcomeRequired", "say what came of the referral: it is " + to + " for good");
        }
        if (nextFollowUp == null) {
            return referral.followUpDate();
        }
        if (to.open() && nextFollowUp.isBefore(today)) {
            throw new RuleViolationException("followUpDate", "NotInPast", "the next follow-up is today or later");
        }
        return to.open() ? nextFollowUp : referral.followUpDate();
    }
}
