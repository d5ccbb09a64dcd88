package uk.dapp.platform.outbox;

import java.util.Map;
import java.util.UUID;
import uk.dapp.platform.calls.ServiceCalls;

/**
 * Delivers one message type to one destination as the receiver's {@code PUT
 * /case-events/<event>/{messageId}}: idempotent by the message ID, so {@link ServiceCalls} may
 * repeat it. A service writes only the two halves that differ: turning the stored facts into the
 * receiver's event (before the call, so a bad payload is not counted against the receiver) and
 * the generated client's call.
 *
 * @param <E> the receiver's event type, from its generated client
 */
public abstract class CaseEventDelivery<E> implements OutboxDelivery {

    private final ServiceCalls calls;
    private final String destination;
    private final String type;

    protected CaseEventDelivery(ServiceCalls calls, String destination, String type) {
        this.calls = calls;
        this.destination = Destinations.require(destination);
        this.type = type;
    }

    /** The receiver's event from the facts the sender stored. */
    protected abstract E event(Map<String, Object> payload);

    /** The generated client's PUT of the event under the message ID. */
    protected abstract void put(UUID messageId, E event);

    @Override
    public final String destination() {
        return destination;
    }

    @Override
    public final boolean handles(String candidate) {
        return type.equals(candidate);
    }

    @Override
    public final void deliver(OutboxMessage message) throws Exception {
        UUID messageId = UUID.fromString(message.id());
        E event = event(message.payload());
        calls.call(destination, ServiceCalls.Safety.IDEMPOTENT, () -> {
            put(messageId, event);
            return null;
        });
    }
}
