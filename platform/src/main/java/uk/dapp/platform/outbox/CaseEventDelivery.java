package uk.dapp.platform.outbox;

import java.util.UUID;
import uk.dapp.platform.calls.ServiceCalls;

/**
 * The one delivery of every case event: the stored payload becomes the receiver's generated event
 * (before the call, so a payload that no longer fits its contract is not counted against the
 * receiver), which the generated client PUTs to {@code /case-events/<event>/{messageId}}. The
 * receiver applies a message ID once, so {@link ServiceCalls} may repeat the call.
 *
 * @param <W> the receiver's event type, from its generated client
 */
public final class CaseEventDelivery<W> implements OutboxDelivery {

    /** The generated client's PUT of the event under the message ID, e.g. {@code api::receiveRiskAlert}. */
    @FunctionalInterface
    public interface Put<W> {
        void put(UUID messageId, W event);
    }

    private final ServiceCalls calls;
    private final CaseEventType<?> type;
    private final Class<W> wireType;
    private final Put<W> put;

    public CaseEventDelivery(ServiceCalls calls, CaseEventType<?> type, Class<W> wireType, Put<W> put) {
        this.calls = calls;
        this.type = type;
        this.wireType = wireType;
        this.put = put;
    }

    @Override
    public String destination() {
        return type.destination();
    }

    @Override
    public boolean handles(String candidate) {
        return type.name().equals(candidate);
    }

    @Override
    public void deliver(OutboxMessage message) throws Exception {
        UUID messageId = UUID.fromString(message.id());
        W event = CaseEventJson.fromPayload(message.payload(), wireType);
        calls.call(type.destination(), ServiceCalls.Safety.IDEMPOTENT, () -> {
            put.put(messageId, event);
            return null;
        });
    }

    @Override
    public String toString() {
        return "CaseEventDelivery[" + type.name() + " to " + type.destination() + "]";
    }
}
