package uk.dapp.programme.alert;

import java.util.Map;
import uk.dapp.platform.problem.ConflictException;
import uk.dapp.platform.problem.RuleViolationException;

/**
 * Escalating a risk alert by hand, before its 24-hour clock runs out: whoever judges it urgent says
 * why (the reason is required, as given, trimmed); a reviewed alert has nothing left to escalate; an
 * alert that has escalated already, by hand or by the clock, stays as it is (asking again records
 * nothing and notifies nobody again).
 */
public final class AlertEscalationRules {

    public static final int REASON_MAX_LENGTH = 2000;

    /** What asking to escalate an alert by hand does now. */
    public enum Outcome {
        ESCALATE,
        ALREADY_ESCALATED
    }

    /** The reason as kept: required, at most {@link #REASON_MAX_LENGTH} characters, trimmed. */
    public static String reason(String given) {
        if (given == null || given.isBlank()) {
            throw new RuleViolationException(
                    "reason", "NotBlank", "say why the alert cannot wait for its 24-hour review");
        }
        String reason = given.strip();
        if (reason.length() > REASON_MAX_LENGTH) {
            throw new RuleViolationException(
                    "reason", "Size", "the reason is at most " + REASON_MAX_LENGTH + " characters");
        }
        return reason;
    }

    public static Outcome byHand(Alert alert) {
        if (!alert.isOpen()) {
            throw new ConflictException(
                    "This risk alert was already reviewed: there is nothing left to escalate",
                    Map.of(
                            "reviewedBy",
                            alert.reviewedBy(),
                            "reviewedAt",
                            alert.reviewedAt().toString()));
        }
        return alert.escalatedAt() != null ? Outcome.ALREADY_ESCALATED : Outcome.ESCALATE;
    }

    private AlertEscalationRules() {}
}
