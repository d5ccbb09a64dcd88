package uk.dapp.programme.alert;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.dapp.platform.notification.Notice;
import uk.dapp.platform.outbox.OutboxEntry;

/**
 * A risk alert on a participant and, once reviewed, the actions the service manager took. An alert
 * from a partner disclosure carries the disclosure's facts, and has no referral when the case had
 * no open referral on arrival (it is kept against the case). Left unreviewed past its deadline, or
 * judged urgent by a facilitator or service manager before then, it escalates once ({@code escalatedAt},
 * and how in {@code escalation}). The notifications it raises (on arrival, on escalation) are
 * entries in its {@code outbox}, written with the change that raises them (ADR 0016).
 */
@Document(Alert.COLLECTION)
public record Alert(
        @Id String alertId,
        @Indexed String referralId,
        @Indexed String caseId,
        AlertSource source,
        String concern,
        Disclosure disclosure,
        String raisedBy,
        Instant raisedAt,
        Instant reviewDueBy,
        String actionsTaken,
        String reviewedBy,
        Instant reviewedAt,
        Instant escalatedAt,
        AlertEscalation escalation,
        List<OutboxEntry> outbox,
        long outboxSequence,
        @Version Long version) {

    public static final String COLLECTION = "alerts";

    public Alert {
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    /** A new alert, owing the notice of its arrival in the same insert. */
    static Alert raised(
            String alertId,
            String referralId,
            String caseId,
            AlertSource source,
            String concern,
            Disclosure disclosure,
            String raisedBy,
            Instant raisedAt,
            Notice arrived) {
        return new Alert(
                alertId,
                referralId,
                caseId,
                source,
                concern,
                disclosure,
                raisedBy,
                raisedAt,
                AlertDeadline.dueBy(raisedAt),
                null,
                null,
                null,
                null,
                null,
                List.of(Notice.TYPE.entry(arrived, raisedAt, 0)),
                1,
                null);
    }

    public boolean isOpen() {
        return reviewedAt == null;
    }

    /**
     * How it escalated, absent until it does; an alert escalated before the way was recorded escalated
     * by the clock, the only way there was.
     */
    public AlertEscalation escalationOrClock() {
        if (escalatedAt == null) {
            return null;
        }
        return escalation != null ? escalation : AlertEscalation.reviewClockRanOut();
    }

    public boolean isOverdue(Instant now) {
        return AlertDeadline.isOverdue(reviewDueBy, reviewedAt, now);
    }

    Alert reviewed(String actions, String by, Instant at) {
        return new Alert(
                alertId,
                referralId,
                caseId,
                source,
                concern,
                disclosure,
                raisedBy,
                raisedAt,
                reviewDueBy,
                actions,
                by,
                at,
                escalatedAt,
                escalation,
                outbox,
                outboxSequence,
                version);
    }
}
