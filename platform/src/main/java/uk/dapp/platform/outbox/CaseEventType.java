package uk.dapp.platform.outbox;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import uk.dapp.platform.tracing.TraceContexts;

/**
 * One kind of message: its versioned name (e.g. {@code programme-exit.v1}), the service it goes to,
 * and its payload record. The sender's document writes it with {@link #entry}; the sender's
 * {@code caseevents} package registers its delivery in one line ({@link CaseEventFlows#flow}).
 */
public record CaseEventType<E extends CaseEvent>(String name, String destination, Class<E> payload) {

    public CaseEventType {
        Destinations.require(destination);
    }

    public static <E extends CaseEvent> CaseEventType<E> of(String name, String destination, Class<E> payload) {
        return new CaseEventType<>(name, destination, payload);
    }

    /**
     * The entry a document writes into its outbox list in the same save as the change that causes it.
     *
     * @param sequence the document's count of entries written before this one, so that two entries of
     *                 one document written in the same millisecond still leave in the order written
     */
    public OutboxEntry entry(E event, Instant at, long sequence) {
        return entry(UUID.randomUUID().toString(), event, at, sequence);
    }

    /**
     * As {@link #entry(CaseEvent, Instant, long)}, under a message ID the sender chose (e.g. the ID of the
     * document). The entry carries the trace of the work writing it ({@link TraceContexts#current()}).
     */
    public OutboxEntry entry(String messageId, E event, Instant at, long sequence) {
        return new OutboxEntry(
                messageId,
                destination,
                name,
                event.caseId(),
                CaseEventJson.toPayload(event),
                at,
                sequence,
                TraceContexts.current());
    }

    /** Whether the message is of this type. */
    public boolean isTypeOf(OutboxMessage message) {
        return name.equals(message.type()) && destination.equals(message.destination());
    }

    /** The payload of an entry or message of this type, as its record. */
    public E payloadOf(Map<String, Object> stored) {
        return CaseEventJson.fromPayload(stored, payload);
    }
}
