package uk.dapp.programme.session;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A recorded notification to a named user (the responsible probation officer of a mandated referral). */
@Document("notifications")
public record Notification(@Id String notificationId, String recipient, String caseId, String referralId,
        String kind, String message, Instant createdAt) {
}
