package uk.dapp.platform.outbox;

import java.time.Instant;
import java.util.Map;

/**
 * A message another service must eventually receive, held in a list field named {@value #FIELD}
 * of the document whose change causes it, so that the change and the message are one
 * single-document write (the embedded store has no multi-document transactions, ADR 0006). The
 * {@link OutboxCollector} moves it into the outbox collection, and the {@link OutboxRelay}
 * delivers it. Only the facts a rule allows travel: never names, contact details or free text.
 *
 * @param messageId   the message ID, the receiver's idempotency key
 * @param destination the receiving service, one of {@link Destinations}
 * @param type        what the message means, versioned (e.g. {@code programme-exit.v1})
 * @param caseId      the case it is about: messages of one case reach a destination in order
 * @param payload     the facts, as plain values (strings, numbers, booleans, lists, maps): a
 *                    {@link CaseEvent} record in its JSON form ({@link CaseEventType#entry})
 * @param createdAt   when it was written
 * @param sequence    its place among every entry its document has written: entries of one document
 *                    written in the same millisecond leave in the order written
 * @param traceparent the W3C trace context of the work that wrote it (null outside a trace), so that the
 *                    delivery and the receiver's handling continue that trace ({@link OutboxTrace})
 */
public record OutboxEntry(
        String messageId,
        String destination,
        String type,
        String caseId,
        Map<String, Object> payload,
        Instant createdAt,
        long sequence,
        String traceparent) {

    public static final String FIELD = "outbox";

    public OutboxEntry {
        Destinations.require(destination);
        payload = Map.copyOf(payload);
    }

    /** Without the payload: it can hold partner details, and records end up in logs. */
    @Override
    public String toString() {
        return "OutboxEntry[" + messageId + ", " + type + " to " + destination + ", case " + caseId + ", #" + sequence
                + "]";
    }
}
