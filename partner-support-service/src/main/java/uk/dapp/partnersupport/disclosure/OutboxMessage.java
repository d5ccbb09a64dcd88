package uk.dapp.partnersupport.disclosure;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A message waiting to leave this service (transactional outbox, DESIGN.md section 2). A relay (a
 * later issue) picks PENDING messages oldest first, sends each with its {@code id} as the
 * idempotency key, counts {@code attempts}, and marks it DELIVERED only after the receiver has
 * acknowledged: delivery is at least once, and the receiver ignores an id it has seen.
 */
@Document(OutboxMessage.COLLECTION)
public record OutboxMessage(
        @Id String id,
        String type,
        @Indexed String caseId,
        RiskAlertPayload payload,
        Instant createdAt,
        @Indexed OutboxStatus status,
        int attempts,
        Instant lastAttemptAt,
        Instant deliveredAt,
        @Version Long version) {

    public static final String COLLECTION = "outbox";
    public static final String RISK_ALERT = "partner-support.risk-alert.v1";
}
