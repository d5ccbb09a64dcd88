package uk.dapp.platform.notification;

import uk.dapp.platform.outbox.Destinations;
import uk.dapp.platform.outbox.OutboxDelivery;
import uk.dapp.platform.outbox.OutboxMessage;

/**
 * Delivers a raised {@link Notice} into the service's own {@link Inbox}: the relay hands it over like a
 * message to another service (in order per case, retried until stored), and the inbox stores each
 * message ID once.
 */
public final class InboxDelivery implements OutboxDelivery {

    private final Inbox inbox;

    public InboxDelivery(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public String destination() {
        return Destinations.INBOX;
    }

    @Override
    public boolean handles(String type) {
        return Notice.TYPE.name().equals(type);
    }

    @Override
    public void deliver(OutboxMessage message) {
        inbox.receive(message.id(), Notice.TYPE.payloadOf(message.payload()), message.createdAt());
    }
}
