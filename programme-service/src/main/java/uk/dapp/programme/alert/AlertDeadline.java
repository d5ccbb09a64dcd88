package uk.dapp.programme.alert;

import java.time.Duration;
import java.time.Instant;

/**
 * A risk alert must be reviewed by a service manager within 24 hours of being raised. At exactly
 * 24 hours it is still in time; any moment later it is overdue.
 */
public final class AlertDeadline {

    public static final Duration WINDOW = Duration.ofHours(24);

    public static Instant dueBy(Instant raisedAt) {
        return raisedAt.plus(WINDOW);
    }

    /** Still unreviewed after its deadline. */
    public static boolean isOverdue(Instant dueBy, Instant reviewedAt, Instant now) {
        return reviewedAt == null ? now.isAfter(dueBy) : reviewedAt.isAfter(dueBy);
    }

    private AlertDeadline() {}
}
