package uk.dapp.programme.session;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** One participant's attendance at one session; its ID is the pair, so recording again corrects it. */
@Document("attendance")
public record Attendance(
        @Id String id,
        String sessionId,
        /** Indexed: a referral's attendance is read by it (its sessions, subject access). */
        @Indexed String referralId,
        /** Indexed: the evaluator export reads attendance in case order, beside the referrals. */
        @Indexed String caseId,
        AttendanceOutcome outcome,
        Instant sessionAt,
        String recordedBy,
        Instant recordedAt) {

    static String idOf(String sessionId, String referralId) {
        return sessionId + ":" + referralId;
    }
}
