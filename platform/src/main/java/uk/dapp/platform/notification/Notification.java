package uk.dapp.platform.notification;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.dapp.platform.outbox.OutboxEntry;

/**
 * A notification in a service's inbox, under the ID of the message that raised it (so a repeated
 * delivery inserts nothing). {@code audience} holds its recipients' keys ({@link Recipient#key()});
 * read state is per reader ({@code readers}, with when in {@code reads}), since a notification to a
 * whole team is read by each member for themselves. An urgent one carries its {@link Email} in its
 * {@code outbox}; {@code emailedTo} lists the users Notify accepted an email for, so a retry after a
 * partial failure emails only the others.
 */
@Document(Notification.COLLECTION)
public record Notification(
        @Id String notificationId,
        NotificationKind kind,
        String caseId,
        String subjectId,
        List<Recipient> recipients,
        @Indexed List<String> audience,
        Instant createdAt,
        List<String> readers,
        List<Read> reads,
        List<String> emailedTo,
        List<OutboxEntry> outbox,
        long outboxSequence) {

    public static final String COLLECTION = "inbox";

    /** One reader's marking it read. */
    public record Read(String user, Instant at) {}

    public Notification {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        audience = audience == null ? List.of() : List.copyOf(audience);
        readers = readers == null ? List.of() : List.copyOf(readers);
        reads = reads == null ? List.of() : List.copyOf(reads);
        emailedTo = emailedTo == null ? List.of() : List.copyOf(emailedTo);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    public boolean readBy(String username) {
        return readers.contains(username);
    }

    public @Nullable Instant readAt(String username) {
        return reads.stream()
                .filter(read -> read.user().equals(username))
                .map(Read::at)
                .findFirst()
                .orElse(null);
    }
}
