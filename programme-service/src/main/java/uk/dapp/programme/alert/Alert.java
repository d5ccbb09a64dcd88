package uk.dapp.programme.alert;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A risk alert on a participant and, once reviewed, the actions the service manager took. */
@Document("alerts")
public record Alert(@Id String alertId, @Indexed String referralId, String caseId, AlertSource source,
        String concern, String raisedBy, Instant raisedAt, Instant reviewDueBy, String actionsTaken,
        String reviewedBy, Instant reviewedAt, @Version Long version) {

    public boolean isOpen() {
        return reviewedAt == null;
    }

    public boolean isOverdue(Instant now) {
        return AlertDeadline.isOverdue(reviewDueBy, reviewedAt, now);
    }

    Alert reviewed(String actions, String by, Instant at) {
        return new Alert(alertId, referralId, caseId, source, concern, raisedBy, raisedAt, reviewDueBy, actions, by,
                at, version);
    }
}
