package uk.dapp.partnersupport.evaluator;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import uk.dapp.partnersupport.common.Times;
import uk.dapp.partnersupport.track.WorkingDays;

/**
 * How long a partner waited to be reached: from the day the track was opened (the referral passing
 * the partner on, or a worker opening it) to the day of the first attempt that reached her, in
 * working days on the service's own calendar (weekends and configured bank holidays do not count;
 * the opening day does not count, so reaching her the next working day is 1), and whether that was
 * by the first-contact deadline set on the track when it opened (local policy, default 5 working days).
 *
 * @param workingDays working days from opening to first reached (0 when reached on the opening day)
 * @param withinDeadline reached on or before the track's due date; null when the track has none
 */
record FirstContact(int workingDays, @Nullable Boolean withinDeadline) {

    /** Null when the partner has not been reached (by the snapshot). */
    static @Nullable FirstContact of(
            WorkingDays calendar, Instant openedAt, @Nullable LocalDate dueOn, @Nullable Instant firstReachedAt) {
        if (firstReachedAt == null) {
            return null;
        }
        LocalDate reached = Times.dateOf(firstReachedAt);
        return new FirstContact(
                calendar.between(Times.dateOf(openedAt), reached), dueOn == null ? null : !reached.isAfter(dueOn));
    }
}
