package uk.dapp.riskmatrix.values;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.dapp.platform.status.StatusChange;

/**
 * One onward referral of an engaged nominal (GPS tagging, drug rehabilitation...): to which service, made
 * when and by whom, where it stands, when to follow it up, and what came of it, with its append-only
 * history of moves (who, when, why).
 */
public record OnwardReferral(
        String referralId,
        OnwardReferralType type,
        String provider,
        OnwardReferralStatus status,
        LocalDate madeOn,
        String madeBy,
        LocalDate followUpDate,
        String outcome,
        Instant closedAt,
        List<StatusChange> history) {

    public OnwardReferral {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** Open and its follow-up date is today or past. */
    public boolean followUpDue(LocalDate today) {
        return status.open() && !followUpDate.isAfter(today);
    }

    /** Open and its follow-up date is past. */
    public boolean overdue(LocalDate today) {
        return status.open() && followUpDate.isBefore(today);
    }

    public OnwardReferral moved(
            OnwardReferralStatus to, LocalDate nextFollowUp, String newOutcome, Instant at, StatusChange change) {
        List<StatusChange> newHistory = new java.util.ArrayList<>(history);
        newHistory.add(change);
        return new OnwardReferral(
                referralId,
                type,
                provider,
                to,
                madeOn,
                madeBy,
                nextFollowUp,
                newOutcome,
                to.open() ? null : at,
                newHistory);
    }
}
