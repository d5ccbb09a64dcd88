package uk.dapp.programme.review;

import java.time.Instant;
import java.time.ZoneOffset;

/** Case-management reviews are monthly: due a calendar month (UTC) after enrolment or the last review. */
public final class ReviewSchedule {

    public static Instant nextDue(Instant from) {
        return from.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
    }

    /** Overdue once the due moment has passed; at the due moment itself it is not yet overdue. */
    public static boolean isOverdue(Instant due, Instant now) {
        return due != null && now.isAfter(due);
    }

    private ReviewSchedule() {}
}
