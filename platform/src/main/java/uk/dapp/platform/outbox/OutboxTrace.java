package uk.dapp.platform.outbox;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import uk.dapp.platform.tracing.TraceContexts;

/**
 * One trace follows a case across the outbox (ADR 0017): an entry keeps the W3C {@code traceparent}
 * of the work that wrote it (an ENGAGE decision, say), and the relay delivers it inside a span that
 * continues that trace, so the delivery's request, and the receiver's handling of it, belong to it too.
 * <p>
 * The writing side reads the current context statically ({@link TraceContexts#current()}), because
 * entries are made in plain domain classes with no Spring in hand. The delivering side is
 * a Micrometer observation whose parent is taken from the message by the tracing handlers Spring Boot
 * registers; with no tracing configured both sides do nothing.
 */
final class OutboxTrace {

    static final String TRACEPARENT = TraceContexts.TRACEPARENT;

    private OutboxTrace() {}

    /** The observation a message's delivery runs in: a consumer span continuing the message's trace. */
    static Observation delivery(OutboxMessage message, ObservationRegistry observations) {
        ReceiverContext<OutboxMessage> context =
                new ReceiverContext<>((carrier, key) -> TRACEPARENT.equals(key) ? carrier.traceparent() : null);
        context.setCarrier(message);
        context.setRemoteServiceName(message.destination());
        return Observation.createNotStarted("dapp.outbox.delivery", () -> context, observations)
                .contextualName("outbox deliver " + message.type())
                .lowCardinalityKeyValue("destination", message.destination())
                .lowCardinalityKeyValue("type", message.type());
    }
}
