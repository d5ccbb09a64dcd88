package uk.dapp.programme.alert;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A risk alert on a participant and, once reviewed, the actions the service manager took. An alert
 * from a partner disclosure carries the disclosure's facts, and has no referral when the case had
 * no open referral on arrival (it is kept against the case).
 */
@Document("alerts")
public record Alert(@Id String alertId, @Indexed String referralId, @Indexed String caseId, AlertSource source,
        String concern, Disclosure disclosure, String raisedBy, Instant raisedAt, Instant reviewDueBy,
        String actionsTaken, String reviewedBy, Instant reviewedAt, @Version Long version) {

    public boolean isOpen() {
        return reviewedAt == null;
    }

    public boolean isOverdue(Instant now) {
        return AlertDeadline.isOverdue(reviewDueBy, reviewedAt, now);
    }

    Alert reviewed(String actions, String by, Instant at) {
        return new Alert(alertId, referralId, caseId, source, concern, disclosure, raisedBy, raisedAt, reviewDueBy,
                actions, by, at, version);
    }
}
