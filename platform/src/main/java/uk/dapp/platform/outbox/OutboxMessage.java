package uk.dapp.platform.outbox;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A message in the outbox collection, with its delivery state. Its {@code id} is the entry's, and so is
 * its {@code traceparent}: the trace its delivery continues.
 */
@Document(OutboxMessage.COLLECTION)
public record OutboxMessage(
        @Id String id,
        String destination,
        String type,
        String caseId,
        Map<String, Object> payload,
        Instant createdAt,
        long sequence,
        OutboxStatus status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant closedAt,
        String closedReason,
        String traceparent) {

    public static final String COLLECTION = "outbox_messages";

    /** Without the payload: it can hold partner details, and records end up in logs. */
    @Override
    public String toString() {
        return "OutboxMessage[" + id + ", " + type + " to " + destination + ", case " + caseId + ", " + status
                + ", attempts " + attempts + "]";
    }

    static OutboxMessage pending(OutboxEntry entry) {
        return new OutboxMessage(
                entry.messageId(),
                entry.destination(),
                entry.type(),
                entry.caseId(),
                entry.payload(),
                entry.createdAt(),
                entry.sequence(),
                OutboxStatus.PENDING,
                0,
                entry.createdAt(),
                null,
                null,
                null,
                entry.traceparent());
    }
}
