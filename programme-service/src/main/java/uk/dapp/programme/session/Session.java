package uk.dapp.programme.session;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A scheduled session: a group's (groupId), one participant's one-to-one (referralId), or a catch-up (referralId and catchUpFor). */
// a group's sessions and a participant's are read on every caseload entry and register (ADR 0002: indexes are used)
@Document("sessions")
public record Session(
        @Id String sessionId,
        String programmeCode,
        @Indexed String groupId,
        @Indexed String referralId,
        String catchUpFor,
        Instant scheduledAt,
        String scheduledBy) {

    /**
     * Attendance is recorded for a session that has begun: one recorded ahead would count absences
     * that never happened towards a compliance review (and on to an exit for non-compliance).
     */
    public boolean hasBegunBy(Instant now) {
        return !scheduledAt.isAfter(now);
    }
}
